package io.chainline.export.bigquery;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.Clustering;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.LoadJobConfiguration;
import com.google.cloud.bigquery.ParquetOptions;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TimePartitioning;

import io.chainline.core.error.ConfigException;
import io.chainline.core.manifest.ManifestColumn;
import io.chainline.core.manifest.ManifestTable;

import static java.util.Objects.requireNonNull;

/**
 * The load job of one silver table: its listed Parquet files, replacing the table, decimals as NUMERIC; the fact
 * table partitioned by month of its order date and clustered by the configured columns. The listed files are
 * loaded as they are, without hive partitioning, because the fact's month directories repeat a column the files
 * already hold.
 */
final class LoadJobs {
    /** The fact table, the one partitioned and clustered. */
    static final String FACT_TABLE = "fact_order";
    /** The fact's partitioning column. */
    static final String PARTITION_COLUMN = "order_date";
    /** BigQuery picks the first that holds a Parquet decimal: decimal(38,9) lands as NUMERIC. */
    private static final List<String> DECIMAL_TARGET_TYPES = List.of("NUMERIC", "BIGNUMERIC");

    private LoadJobs() {}

    /**
     * The load job configuration of {@code table} into {@code destination}.
     *
     * @throws IllegalArgumentException when the table lists no files (see {@link EmptyTableJobs})
     * @throws ConfigException when a file is not on GCS or a clustering column is not in the fact table
     */
    static LoadJobConfiguration configuration(TableId destination, ManifestTable table, List<String> clustering) {
        requireNonNull(destination, "destination is null");
        requireNonNull(table, "table is null");
        requireNonNull(clustering, "clustering is null");
        if (table.uris().isEmpty()) {
            throw new IllegalArgumentException(
                    "table " + table.name() + " lists no files: its job is an empty" + " table's (EmptyTableJobs)");
        }
        List<String> notOnGcs =
                table.uris().stream().filter(uri -> !uri.startsWith("gs://")).toList();
        if (!notOnGcs.isEmpty()) {
            throw new ConfigException("Table " + table.name() + " lists files that are not on GCS, e.g. '"
                    + notOnGcs.get(0) + "': BigQuery loads only gs:// URIs, so chainline.store.root must be a gs://"
                    + " bucket for the bigquery mode (or use the local mode)");
        }
        LoadJobConfiguration.Builder load = LoadJobConfiguration.newBuilder(
                        destination,
                        table.uris(),
                        ParquetOptions.newBuilder().setEnableListInference(true).build())
                .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
                .setCreateDisposition(JobInfo.CreateDisposition.CREATE_IF_NEEDED)
                .setDecimalTargetTypes(DECIMAL_TARGET_TYPES);
        factLayout(table, clustering).ifPresent(layout -> {
            load.setTimePartitioning(layout.partitioning());
            layout.clustering().ifPresent(load::setClustering);
        });
        return load.build();
    }

    /**
     * The partitioning and clustering of {@code table} when it is the fact table, empty for the others.
     *
     * @throws ConfigException when the partitioning or a clustering column is not in the fact table
     */
    static Optional<FactLayout> factLayout(ManifestTable table, List<String> clustering) {
        if (!FACT_TABLE.equals(table.name())) {
            return Optional.empty();
        }
        requireColumns(table, List.of(PARTITION_COLUMN), "partitioning column");
        TimePartitioning partitioning = TimePartitioning.newBuilder(TimePartitioning.Type.MONTH)
                .setField(PARTITION_COLUMN)
                .build();
        if (clustering.isEmpty()) {
            return Optional.of(new FactLayout(partitioning, Optional.empty()));
        }
        requireColumns(table, clustering, "clustering column (chainline.export.bigquery.fact-order-clustering)");
        return Optional.of(new FactLayout(
                partitioning,
                Optional.of(Clustering.newBuilder().setFields(clustering).build())));
    }

    /**
     * How the fact table is laid out in BigQuery.
     *
     * @param partitioning by month of the order date
     * @param clustering by the configured columns, when any
     */
    record FactLayout(TimePartitioning partitioning, Optional<Clustering> clustering) {}

    /** The job's errors as one line: "reason: message at location; …". */
    static String describe(List<BigQueryError> errors) {
        if (errors == null || errors.isEmpty()) {
            return "no reason given";
        }
        List<String> parts = new ArrayList<>();
        for (BigQueryError error : errors) {
            String location = error.getLocation() == null || error.getLocation().isBlank()
                    ? ""
                    : " (at " + error.getLocation() + ")";
            parts.add(error.getReason() + ": " + error.getMessage() + location);
        }
        return String.join("; ", parts);
    }

    private static void requireColumns(ManifestTable table, List<String> wanted, String what) {
        Set<String> columns = table.columns().stream().map(ManifestColumn::name).collect(Collectors.toSet());
        for (String column : wanted) {
            if (!columns.contains(column)) {
                throw new ConfigException("Invalid " + what + " '" + column + "' for table " + table.name()
                        + ": the table has no such column; its columns are "
                        + columns.stream().sorted().toList());
            }
        }
    }
}
