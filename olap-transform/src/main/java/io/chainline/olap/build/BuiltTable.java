package io.chainline.olap.build;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static java.util.Objects.requireNonNull;

/**
 * One table as a {@link TableBuilder} describes it.
 *
 * @param name the table name
 * @param rows the rows, possibly with the {@code conflictColumn}, which is not written
 * @param keyColumn the column that identifies a row; checked for uniqueness and nulls
 * @param partitioning Iceberg partition transforms of the table, e.g. {@code months(order_date)}; hidden
 *     partitioning, so the partition values are the columns themselves
 * @param foreignKeys column -> referenced table (whose key it must name); checked for orphans, and rows naming the
 *     unknown member (-1) are counted per referenced table
 * @param conflictColumn a boolean column of {@code rows} that is true for a key whose source rows disagreed on its
 *     attributes (type-1: the latest won); counted, not written
 */
public record BuiltTable(
        String name,
        Dataset<Row> rows,
        String keyColumn,
        List<String> partitioning,
        Map<String, String> foreignKeys,
        Optional<String> conflictColumn) {

    public BuiltTable {
        requireNonNull(name, "name is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(keyColumn, "keyColumn is null");
        partitioning = List.copyOf(requireNonNull(partitioning, "partitioning is null"));
        foreignKeys = Map.copyOf(requireNonNull(foreignKeys, "foreignKeys is null"));
        requireNonNull(conflictColumn, "conflictColumn is null");
    }

    /** A table without partitions, foreign keys or conflict tracking. */
    public static BuiltTable of(String name, Dataset<Row> rows, String keyColumn) {
        return new BuiltTable(name, rows, keyColumn, List.of(), Map.of(), Optional.empty());
    }

    /** This table with other rows (e.g. the cached ones). */
    public BuiltTable withRows(Dataset<Row> replacement) {
        return new BuiltTable(name, replacement, keyColumn, partitioning, foreignKeys, conflictColumn);
    }

    /** The rows as written: without the conflict column. */
    public Dataset<Row> data() {
        return conflictColumn.map(rows::drop).orElse(rows);
    }
}
