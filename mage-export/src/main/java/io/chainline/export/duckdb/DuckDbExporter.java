package io.chainline.export.duckdb;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.google.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.StageContext;
import io.chainline.export.spi.ExportResult;
import io.chainline.export.spi.TableExport;
import io.chainline.export.spi.WarehouseExporter;

import static java.util.Objects.requireNonNull;

/**
 * Mode {@code local} (the default): replaces every silver table in the DuckDB warehouse inside one transaction,
 * each from exactly the Parquet files the manifest lists, and checks every table's row count before committing.
 * Any failure (a missing file, a count that differs) rolls the whole transaction back, so readers keep the previous
 * version of every table. Files are read with hive partitioning off: the fact's month directories repeat a column
 * the files already hold.
 */
public final class DuckDbExporter implements WarehouseExporter {
    /** The mode this exporter serves. */
    public static final String MODE = "local";

    private static final Logger log = LoggerFactory.getLogger(DuckDbExporter.class);

    private final DuckDbWarehouse warehouse;

    /** An exporter into {@code warehouse}, whose connection the lifecycle owns. */
    @Inject
    public DuckDbExporter(DuckDbWarehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    @Override
    public ExportResult export(SilverManifest manifest, StageContext context) {
        requireNonNull(manifest, "manifest is null");
        requireNonNull(context, "context is null");
        List<String> sources =
                manifest.tables().stream().map(DuckDbExporter::source).toList();
        Connection connection = warehouse.connection();
        List<TableExport> exports = new ArrayList<>();
        String current = null;
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (int i = 0; i < manifest.tables().size(); i++) {
                    ManifestTable table = manifest.tables().get(i);
                    current = table.name();
                    if (context.cancellation().isCancelled()) {
                        throw new ChainlineException("The local export was cancelled before table " + table.name()
                                + "; the warehouse keeps its previous tables");
                    }
                    exports.add(replace(statement, table, sources.get(i), manifest.runId()));
                    context.reportProgress(exports.size(), manifest.tables().size(), "tables");
                }
                current = null;
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ChainlineException(
                    (current == null
                                    ? "Cannot commit the local export"
                                    : "Cannot load table " + current + " into the local warehouse")
                            + " " + warehouse.file()
                            + ": " + e.getMessage() + "; the warehouse keeps its previous tables",
                    e);
        }
        log.info("Replaced {} tables of {} with silver version {}", exports.size(), warehouse.file(), manifest.runId());
        return new ExportResult(warehouse.file().toString(), exports, List.of());
    }

    private TableExport replace(Statement statement, ManifestTable table, String source, String runId)
            throws SQLException {
        long started = System.nanoTime();
        String name = identifier(table.name());
        statement.execute("CREATE OR REPLACE TABLE " + name + " AS SELECT * FROM " + source);
        long loaded;
        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + name)) {
            count.next();
            loaded = count.getLong(1);
        }
        TableExport export = new TableExport(
                table.name(),
                table.rowCount(),
                loaded,
                Duration.ofNanos(System.nanoTime() - started),
                warehouse.file() + "#" + table.name());
        if (!export.verified()) {
            throw new DataQualityException("Table " + table.name() + " has " + loaded + " rows in the local"
                    + " warehouse, but the silver manifest of run " + runId + " lists " + table.rowCount()
                    + "; the warehouse keeps its previous tables");
        }
        return export;
    }

    /** {@code read_parquet([...], hive_partitioning = false)} over the table's listed files. */
    private static String source(ManifestTable table) {
        if (table.uris().isEmpty()) {
            return EmptyTableSource.of(table);
        }
        String files =
                table.uris().stream().map(uri -> literal(localPath(table, uri))).collect(Collectors.joining(", "));
        return "read_parquet([" + files + "], hive_partitioning = false)";
    }

    private static String localPath(ManifestTable table, String uri) {
        if (uri.startsWith("file:")) {
            try {
                return Path.of(URI.create(uri)).toString();
            } catch (IllegalArgumentException relative) {
                // file:./x is a relative, opaque URI that Path.of refuses; its path is what follows the scheme.
                return uri.substring("file:".length());
            }
        }
        if (uri.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw new ConfigException("Table " + table.name() + " lists '" + uri + "': the local warehouse reads"
                    + " local files only, so use --mode bigquery for a gs:// store or a local chainline.store.root");
        }
        return uri;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
