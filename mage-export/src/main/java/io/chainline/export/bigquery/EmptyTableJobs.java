package io.chainline.export.bigquery;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.TableId;

import io.chainline.core.error.DataQualityException;
import io.chainline.core.manifest.ManifestColumn;
import io.chainline.core.manifest.ManifestTable;

import static java.util.Objects.requireNonNull;

/**
 * The job that replaces a silver table the manifest lists without files (a build of an input with no data rows): a
 * query of no rows with the table's columns, typed as a Parquet load of the build's files would type them, written
 * over the destination ({@code WRITE_TRUNCATE}) with the same partitioning and clustering as its load job. A load job
 * needs at least one source file, and a query job replaces the table atomically as a load job does, where deleting
 * and creating the table would leave a moment without it.
 */
final class EmptyTableJobs {
    private static final String NUMERIC = "NUMERIC";
    private static final String BIGNUMERIC = "BIGNUMERIC";

    private EmptyTableJobs() {}

    /**
     * The query job configuration that empties {@code destination} with {@code table}'s columns.
     *
     * @throws DataQualityException when the table lists no columns or a column's type has no BigQuery counterpart
     * @throws io.chainline.core.error.ConfigException when a clustering column is not in the fact table
     */
    static QueryJobConfiguration configuration(TableId destination, ManifestTable table, List<String> clustering) {
        requireNonNull(destination, "destination is null");
        requireNonNull(table, "table is null");
        requireNonNull(clustering, "clustering is null");
        QueryJobConfiguration.Builder query = QueryJobConfiguration.newBuilder(query(table))
                .setUseLegacySql(false)
                .setDestinationTable(destination)
                .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
                .setCreateDisposition(JobInfo.CreateDisposition.CREATE_IF_NEEDED);
        LoadJobs.factLayout(table, clustering).ifPresent(layout -> {
            query.setTimePartitioning(layout.partitioning());
            layout.clustering().ifPresent(query::setClustering);
        });
        return query.build();
    }

    /** {@code SELECT CAST(NULL AS INT64) AS `order_item_id`, … LIMIT 0}. */
    static String query(ManifestTable table) {
        if (table.columns().isEmpty()) {
            throw new DataQualityException("Table " + table.name() + " lists neither files nor columns in the silver"
                    + " manifest: nothing to load into BigQuery");
        }
        return table.columns().stream()
                .map(column -> "CAST(NULL AS " + bigQueryType(table, column) + ") AS " + identifier(column.name()))
                .collect(Collectors.joining(", ", "SELECT ", " LIMIT 0"));
    }

    /**
     * The BigQuery type a Parquet load gives a column of this Spark type ({@code bigint}, {@code decimal(38,9)} …).
     * Decimals follow the load job's decimal target types (NUMERIC, then BIGNUMERIC): the first that holds the
     * precision and scale, so {@code decimal(38,9)} is NUMERIC (at most 29 integer and 9 fraction digits).
     */
    static String bigQueryType(ManifestTable table, ManifestColumn column) {
        String type = column.type().toLowerCase(Locale.ROOT).replace(" ", "");
        if (type.matches("decimal\\(\\d+,\\d+\\)")) {
            String[] digits =
                    type.substring("decimal(".length(), type.length() - 1).split(",");
            int precision = Integer.parseInt(digits[0]);
            int scale = Integer.parseInt(digits[1]);
            if (scale <= 9 && precision - scale <= 29) {
                return NUMERIC;
            }
            if (scale <= 38 && precision - scale <= 38) {
                return BIGNUMERIC;
            }
            throw unsupported(table, column);
        }
        return switch (type) {
            case "bigint", "long", "int", "integer", "smallint", "tinyint" -> "INT64";
            case "string" -> "STRING";
            case "double", "float" -> "FLOAT64";
            case "boolean" -> "BOOL";
            case "date" -> "DATE";
            case "timestamp" -> "TIMESTAMP";
            case "timestamp_ntz" -> "DATETIME";
            case "binary" -> "BYTES";
            default -> throw unsupported(table, column);
        };
    }

    private static DataQualityException unsupported(ManifestTable table, ManifestColumn column) {
        return new DataQualityException("Column " + column.name() + " of table " + table.name() + " has type '"
                + column.type() + "', which the BigQuery export cannot create empty");
    }

    private static String identifier(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }
}
