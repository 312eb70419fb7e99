package io.chainline.export.duckdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * The local DuckDB warehouse file and its one connection, opened on first use and closed by the lifecycle that
 * owns this object. DuckDB lets one process write a file at a time; a read-only warehouse (for queries) opens
 * the existing file without locking out other readers, and with DuckDB's external access disabled.
 */
public final class DuckDbWarehouse implements AutoCloseable {
    private final Path file;
    private final boolean readOnly;
    private Connection connection;
    private boolean closed;

    private DuckDbWarehouse(Path file, boolean readOnly) {
        this.file = requireNonNull(file, "file is null");
        this.readOnly = readOnly;
    }

    /** The warehouse at {@code file}, created (with its directory) when first opened. */
    public static DuckDbWarehouse readWrite(Path file) {
        return new DuckDbWarehouse(file, false);
    }

    /**
     * The existing warehouse at {@code file}, opened read-only for queries people type: once it is open, DuckDB's
     * external access is disabled and its configuration locked ({@code enable_external_access = false},
     * {@code lock_configuration = true}), so a statement reads the warehouse's tables and nothing else: no file
     * written ({@code COPY … TO}, {@code EXPORT DATABASE}) or read ({@code read_text}, {@code read_csv}, globs), no
     * {@code ATTACH}, no extension installed or loaded, no HTTP, and no {@code SET} that would undo this.
     */
    public static DuckDbWarehouse readOnly(Path file) {
        return new DuckDbWarehouse(file, true);
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /**
     * The connection, opened on the first call. Callers use it and never close it.
     *
     * @throws ChainlineException when the file cannot be opened (missing for a read-only warehouse, locked by
     *         another process, not a DuckDB file)
     * @throws IllegalStateException when the warehouse was closed
     */
    public synchronized Connection connection() {
        if (closed) {
            throw new IllegalStateException("the DuckDB warehouse " + file + " is closed");
        }
        if (connection == null) {
            connection = open();
        }
        return connection;
    }

    /** Closes the connection, if one was opened; idempotent. */
    @Override
    public synchronized void close() throws SQLException {
        closed = true;
        if (connection != null) {
            Connection open = connection;
            connection = null;
            open.close();
        }
    }

    private Connection open() {
        Path absolute = file.toAbsolutePath();
        if (readOnly && !Files.isRegularFile(absolute)) {
            throw new ChainlineException("The local warehouse " + file + " does not exist yet: load it with"
                    + " chainline gcs-to-bigquery-pipeline --mode local");
        }
        Properties properties = new Properties();
        if (readOnly) {
            properties.setProperty("duckdb.read_only", "true");
        } else {
            createDirectory(absolute.getParent());
        }
        Connection opened = null;
        try {
            opened = DriverManager.getConnection("jdbc:duckdb:" + absolute, properties);
            if (readOnly) {
                lockDown(opened);
            }
            return opened;
        } catch (SQLException e) {
            if (opened != null) {
                closeQuietly(opened, e);
            }
            throw new ChainlineException("Cannot open the DuckDB warehouse " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Disables external access after the warehouse file is attached (DuckDB refuses to open any file afterwards),
     * then locks the configuration so no statement can enable it again. See
     * https://duckdb.org/docs/stable/operations_manual/securing_duckdb/overview.
     */
    private static void lockDown(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET enable_external_access = false");
            statement.execute("SET lock_configuration = true");
        }
    }

    private static void closeQuietly(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void createDirectory(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ChainlineException(
                    "Cannot create the directory " + directory + " of the DuckDB warehouse " + file + ": "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public String toString() {
        return "DuckDbWarehouse[" + file + (readOnly ? ", read-only" : "") + "]";
    }
}
