package io.chainline.sinks.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * Opens connections to the database of the bronze table. The sink owns each connection it opens and closes it; the
 * caller decides where they go (a configured server, the embedded one, a pool).
 */
@FunctionalInterface
public interface ConnectionSource {

    /** A new connection; the sink switches auto-commit off and closes it when done. */
    Connection open() throws SQLException;

    /**
     * Connections from {@link DriverManager}.
     *
     * @param jdbcUrl a {@code jdbc:postgresql://…} URL
     * @param properties connection properties, e.g. {@code user}, {@code password}, {@code sslmode}; copied
     */
    static ConnectionSource driverManager(String jdbcUrl, Properties properties) {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        Properties copy = new Properties();
        copy.putAll(requireNonNull(properties, "properties is null"));
        return () -> DriverManager.getConnection(jdbcUrl, copy);
    }
}
