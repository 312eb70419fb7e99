package io.chainline.core.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import io.chainline.core.config.Secret;
import io.chainline.core.jdbc.SqlFailures;
import io.chainline.core.redact.Redactor;

/** Opening JDBC connections with errors classified the same way everywhere. */
public final class JdbcConnections {

    private JdbcConnections() {}

    /**
     * Opens a connection; failures are classified by {@link SqlFailures} (connection trouble is retriable, a wrong
     * password is not). Messages carry the redacted URL, never a password.
     */
    public static Connection open(String url, Properties properties) {
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            String password = properties.getProperty("password", "");
            throw SqlFailures.translate("Connecting to " + Redactor.redactText(url), e, Secret.of(password));
        }
    }
}
