package io.chainline.core.postgres;

import java.sql.Connection;
import java.util.Properties;

/**
 * Where the PostgreSQL database of this run is. With {@code chainline.postgres.url = embedded} the runner answers
 * with the server {@code chainline start-postgres} runs, or one it starts for the command; otherwise with the
 * configured URL. Sinks ask for it only when they connect.
 */
public interface PostgresEndpoint {

    /** The JDBC URL, without credentials. */
    String jdbcUrl();

    /** User, password and extra properties for {@code DriverManager.getConnection(jdbcUrl(), properties)}. */
    Properties connectionProperties();

    /**
     * A new connection; the caller closes it.
     *
     * @throws io.chainline.core.error.RetriableException when the database cannot be reached
     */
    Connection connect();
}
