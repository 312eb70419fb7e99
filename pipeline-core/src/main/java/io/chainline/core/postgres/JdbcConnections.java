package io.chainline.core.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.redact.Redactor;

/** Opening JDBC connections with errors classified the same way everywhere. */
public final class JdbcConnections {

    private JdbcConnections() {
    }

    /**
     * Opens a connection; connection-class failures (SQLState 08, 53, 57) are retriable, others (such as 28P01, a
     * wrong password) are not. Messages carry the redacted URL, never a password.
     */
    public static Connection open(String url, Properties properties) {
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            String message = "Cannot connect to " + Redactor.redactText(url) + ": " + e.getMessage()
                    + " (SQLState " + e.getSQLState() + ")";
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")) {
                throw new RetriableException(message, e);
            }
            throw new ChainlineException(message, e);
        }
    }
}
