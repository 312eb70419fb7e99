package io.chainline.embedded.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.embedded.port.ServicePort;

import static java.util.Objects.requireNonNull;

/**
 * A real PostgreSQL server, started as a child process from binaries shipped in Maven artifacts (zonky), listening
 * on 127.0.0.1 only. Superuser {@value #USER}, no password (trust authentication).
 *
 * <p>The data directory is initialised on first use and kept afterwards, so a server started again on the same
 * directory has the same databases and rows, and the same port ({@link ServicePort}) unless another is asked for. A data directory serves one server at a time. When the process runs as
 * root, the server runs in a user namespace ({@code unshare -U}), because PostgreSQL refuses to run as root.
 * {@link #close()} stops the server; a JVM shutdown hook stops it too if the JVM exits first.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final String USER = "postgres";
    private static final String HOST = "127.0.0.1";
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private final Path dataDir;
    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgres(Path dataDir, io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.dataDir = dataDir;
        this.server = server;
    }

    /**
     * Starts a server on {@code dataDir} on the port it had last time there, or a free one on the first start.
     *
     * @throws ChainlineException when the server does not start
     */
    public static EmbeddedPostgres start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * Starts a server on {@code dataDir} listening on 127.0.0.1:{@code port} and returns once it accepts
     * connections. With 0 it takes the port it had last time on this directory, or a free one on the first start;
     * the port is kept in the directory for the next start. The directory is created and initialised when it holds no cluster yet.
     *
     * @throws IllegalArgumentException when {@code port} is not 0 to 65535
     * @throws ChainlineException when the server does not start
     */
    public static EmbeddedPostgres start(Path dataDir, int port) {
        requireNonNull(dataDir, "dataDir is null");
        Path dir = dataDir.toAbsolutePath().normalize();
        int chosen = ServicePort.choose(dir, port, "PostgreSQL on " + dir);
        long startNanos = System.nanoTime();
        try {
            Files.createDirectories(dir);
            io.zonky.test.db.postgres.embedded.EmbeddedPostgres server =
                    io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                            .setDataDirectory(dir)
                            .setCleanDataDirectory(false)
                            .setPort(chosen)
                            .setServerConfig("listen_addresses", HOST)
                            // zonky turns it off for speed; a committed row must survive a server crash here.
                            .setServerConfig("synchronous_commit", "on")
                            .start();
            remember(dir, server);
            LOG.info(
                    "PostgreSQL at {}:{} up in {} ms (data dir {})",
                    HOST,
                    server.getPort(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                    dir);
            return new EmbeddedPostgres(dir, server);
        } catch (IOException | RuntimeException e) {
            throw new ChainlineException(
                    "PostgreSQL on data dir " + dir + " (port " + (chosen == 0 ? "free" : chosen) + ") did not start: "
                            + e,
                    e);
        }
    }

    private static void remember(Path dir, io.zonky.test.db.postgres.embedded.EmbeddedPostgres server)
            throws IOException {
        try {
            ServicePort.remember(dir, server.getPort());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The JDBC URL of the database {@code postgres}: {@code jdbc:postgresql://127.0.0.1:<port>/postgres}. */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /**
     * The JDBC URL of {@code database} on this server (without the user; see {@link #user()}).
     *
     * @throws IllegalArgumentException when {@code database} is not a plain identifier (letters, digits, {@code _})
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + checkName(database);
    }

    /** The superuser every URL connects as: {@value #USER}, without a password. */
    public String user() {
        return USER;
    }

    /** The port the server listens on at 127.0.0.1. */
    public int port() {
        return server.getPort();
    }

    /** The server's data directory (absolute). */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates the database {@code name} unless it exists.
     *
     * @throws IllegalArgumentException when {@code name} is not a plain identifier (letters, digits, {@code _})
     * @throws ChainlineException when the server cannot be reached or refuses
     */
    public void createDatabaseIfMissing(String name) {
        checkName(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, "")) {
            if (exists(connection, name)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE \"" + name + "\"");
                LOG.info("created database {} on PostgreSQL at {}:{}", name, HOST, port());
            }
        } catch (SQLException e) {
            // Another client created it between the check and the CREATE.
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return;
            }
            throw new ChainlineException(
                    "cannot create database '" + name + "' on PostgreSQL at " + HOST + ":" + port() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Stops the server (fast shutdown) and keeps the data directory; calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                server.close();
                LOG.info("PostgreSQL at {}:{} stopped", HOST, port());
            } catch (IOException e) {
                throw new ChainlineException(
                        "cannot stop PostgreSQL on data dir " + dataDir + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[" + HOST + ":" + port() + ", " + dataDir + "]";
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String checkName(String database) {
        requireNonNull(database, "database is null");
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name '" + database
                    + "' is not supported: expected a letter or _ then up to 62 letters, digits or _");
        }
        return database;
    }
}
