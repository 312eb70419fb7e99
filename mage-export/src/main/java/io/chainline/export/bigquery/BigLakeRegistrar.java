package io.chainline.export.bigquery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.ExternalTableDefinition;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
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

import static io.chainline.export.bigquery.BigQueryErrors.CONFLICT;
import static io.chainline.export.bigquery.BigQueryErrors.failure;
import static io.chainline.export.bigquery.BigQueryErrors.qualified;
import static java.util.Objects.requireNonNull;

/**
 * Method {@code biglake-iceberg} of the BigQuery exporter: one BigLake external table per silver table whose only
 * source is the table's Iceberg metadata file of the published build (the manifest's {@code metadataLocation}), read
 * through the configured BigLake connection. BigQuery reads that metadata and the data files it lists in place;
 * nothing is copied. A missing table is inserted; an existing external Iceberg table is patched to the new metadata
 * file, its schema detected again; every table is then read back to check that it is external and reads exactly
 * that file.
 *
 * <p>What can be checked is checked before the first change: {@link #validate} that every table names a
 * {@code gs://} metadata file, {@link #inspect} that no table of the same name exists as anything but an external
 * Iceberg table. A native table (one the {@code load} method filled) is never dropped to make room: it may hold data
 * or grants a user wants to keep, so the export fails and says how to proceed.
 */
final class BigLakeRegistrar {
    private static final Logger log = LoggerFactory.getLogger(BigLakeRegistrar.class);
    private static final String ICEBERG = FormatOptions.iceberg().getType();

    private final BigQuery client;
    private final DatasetId dataset;
    private final String connection;

    /**
     * A registrar into {@code dataset}.
     *
     * @param connection the BigLake connection id; the short form {@code <location>.<id>} is qualified with the
     *     dataset's project
     */
    BigLakeRegistrar(BigQuery client, DatasetId dataset, String connection) {
        this.client = requireNonNull(client, "client is null");
        this.dataset = requireNonNull(dataset, "dataset is null");
        this.connection = qualify(requireNonNull(connection, "connection is null"), dataset.getProject());
    }

    /**
     * Checks that every table of {@code manifest} names an Iceberg metadata file on GCS; calls nothing.
     *
     * @throws DataQualityException naming the tables without one (a pointer written before silver was Iceberg)
     * @throws ConfigException naming each table whose metadata file is not on GCS
     */
    static void validate(SilverManifest manifest) {
        List<String> missing = manifest.tables().stream()
                .filter(table -> table.metadataLocation() == null
                        || table.metadataLocation().isBlank())
                .map(ManifestTable::name)
                .toList();
        if (!missing.isEmpty()) {
            throw new DataQualityException("The silver manifest of run " + manifest.runId()
                    + " names no Iceberg metadata file for " + String.join(", ", missing)
                    + ": it was published by a version of Chainline before silver tables were Iceberg tables."
                    + " Build silver again with this version (chainline olap-transformation-pipeline) before"
                    + " registering BigLake tables, or use chainline.export.bigquery.method = load");
        }
        List<String> notOnGcs = manifest.tables().stream()
                .filter(table -> !table.metadataLocation().startsWith("gs://"))
                .map(table -> "Table " + table.name() + " has its Iceberg metadata file at '"
                        + table.metadataLocation() + "', not on GCS: BigLake reads only gs:// metadata, so"
                        + " chainline.store.root (or chainline.silver.catalog.warehouse) must be a gs:// bucket for"
                        + " chainline.export.bigquery.method = biglake-iceberg")
                .toList();
        if (!notOnGcs.isEmpty()) {
            throw new ConfigException(notOnGcs);
        }
    }

    /**
     * Reads the tables of {@code manifest} that already exist in the dataset; changes nothing.
     *
     * @return the existing external Iceberg tables by table name
     * @throws ConfigException naming each table that exists as anything else, e.g. a native table
     */
    Map<String, Table> inspect(SilverManifest manifest) {
        Map<String, Table> existing = new HashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (ManifestTable table : manifest.tables()) {
            TableId id = tableId(table);
            Table found = read(id);
            if (found != null && isIcebergTable(found)) {
                existing.put(table.name(), found);
            } else if (found != null) {
                conflicts.add(conflict(id, found));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConfigException(conflicts);
        }
        return existing;
    }

    /**
     * Creates or moves the external table of every table of {@code manifest} and checks each one.
     *
     * @param existing what {@link #inspect} returned
     */
    ExportResult register(SilverManifest manifest, Map<String, Table> existing, StageContext context) {
        List<TableExport> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (ManifestTable table : manifest.tables()) {
            if (context.cancellation().isCancelled()) {
                throw new ChainlineException("The BigQuery export was cancelled before table " + table.name());
            }
            long started = System.nanoTime();
            TableId id = tableId(table);
            boolean created = !existing.containsKey(table.name()) && create(id, table);
            if (!created) {
                update(id, table);
            }
            verify(id, table, manifest);
            String verb = created ? "created" : "updated";
            log.info("BigLake Iceberg table {} {}: it reads {}", qualified(id), verb, table.metadataLocation());
            // BigQuery reports no row count for external tables, and counting would scan them: the rows are the
            // manifest's, which counted the snapshot this metadata file makes current.
            tables.add(new TableExport(
                    table.name(),
                    table.rowCount(),
                    table.rowCount(),
                    Duration.ofNanos(System.nanoTime() - started),
                    qualified(id)));
            notes.add(table.name() + ": BigLake Iceberg table " + verb + ", reads " + table.metadataLocation()
                    + (table.snapshotId() == null ? "" : " (snapshot " + table.snapshotId() + ")")
                    + "; rows as the silver manifest counts them");
            context.reportProgress(tables.size(), manifest.tables().size(), "tables");
        }
        return new ExportResult(dataset.getProject() + "." + dataset.getDataset(), tables, notes);
    }

    /** The connection id as sent: {@code <location>.<id>} gets the project in front, other forms stay. */
    static String qualify(String connection, String project) {
        boolean shortForm =
                !connection.startsWith("projects/") && connection.indexOf('.') == connection.lastIndexOf('.');
        return shortForm ? project + "." + connection : connection;
    }

    /** Inserts the table; false when it appeared since {@link #inspect} and must be updated instead. */
    private boolean create(TableId id, ManifestTable table) {
        try {
            client.create(TableInfo.of(id, definition(table)));
            return true;
        } catch (BigQueryException e) {
            if (e.getCode() != CONFLICT) {
                throw failure("Cannot create the BigLake Iceberg table " + qualified(id), e);
            }
        }
        // A concurrent export created it: move it like any existing one, unless it is something else.
        Table found = read(id);
        if (found != null && !isIcebergTable(found)) {
            throw new ConfigException(conflict(id, found));
        }
        return false;
    }

    private void update(TableId id, ManifestTable table) {
        try {
            // As `bq update --autodetect_schema`: the new metadata file may carry a changed schema.
            client.update(TableInfo.of(id, definition(table)), BigQuery.TableOption.autodetectSchema(true));
        } catch (BigQueryException e) {
            throw failure(
                    "Cannot move the BigLake Iceberg table " + qualified(id) + " to " + table.metadataLocation(), e);
        }
    }

    private void verify(TableId id, ManifestTable table, SilverManifest manifest) {
        Table registered = read(id);
        if (registered == null) {
            throw new ChainlineException("BigQuery table " + qualified(id) + " is missing after its registration");
        }
        TableDefinition definition = registered.getDefinition();
        List<String> uris = definition instanceof ExternalTableDefinition external && external.getSourceUris() != null
                ? external.getSourceUris()
                : List.of();
        if (definition.getType() != TableDefinition.Type.EXTERNAL || !uris.equals(List.of(table.metadataLocation()))) {
            throw new ChainlineException("BigQuery table " + qualified(id) + " is of type " + definition.getType()
                    + " reading " + uris + " after its registration, not an external table reading the Iceberg"
                    + " metadata file " + table.metadataLocation() + " of silver run " + manifest.runId());
        }
    }

    private Table read(TableId id) {
        try {
            return client.getTable(id);
        } catch (BigQueryException e) {
            throw failure("Cannot read BigQuery table " + qualified(id), e);
        }
    }

    private ExternalTableDefinition definition(ManifestTable table) {
        return ExternalTableDefinition.newBuilder(table.metadataLocation(), FormatOptions.iceberg())
                .setConnectionId(connection)
                .build();
    }

    private TableId tableId(ManifestTable table) {
        return TableId.of(dataset.getProject(), dataset.getDataset(), table.name());
    }

    private static boolean isIcebergTable(Table table) {
        return table.getDefinition() instanceof ExternalTableDefinition external
                && external.getFormatOptions() != null
                && ICEBERG.equals(external.getFormatOptions().getType());
    }

    private static String conflict(TableId id, Table found) {
        TableDefinition definition = found.getDefinition();
        String what = definition instanceof ExternalTableDefinition external
                ? "an external table of format "
                        + (external.getFormatOptions() == null
                                ? "unknown"
                                : external.getFormatOptions().getType())
                : definition.getType() == TableDefinition.Type.TABLE
                        ? "a native table (as method load creates)"
                        : "a " + definition.getType();
        return "BigQuery table " + qualified(id) + " exists as " + what + ", which method biglake-iceberg does"
                + " not replace: drop it (bq rm -t " + id.getProject() + ":" + id.getDataset() + "." + id.getTable()
                + ") or set chainline.export.bigquery.dataset to another dataset";
    }
}
