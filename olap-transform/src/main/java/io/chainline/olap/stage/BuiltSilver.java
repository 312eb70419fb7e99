package io.chainline.olap.stage;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.olap.build.BuiltTable;
import io.chainline.olap.conform.InputCounts;

import static java.util.Objects.requireNonNull;

/**
 * Every table of one silver build, built, cached and checked but not yet written; {@link #close()} releases the
 * cached rows.
 *
 * @param counts what became of the raw rows
 * @param tables table name → the built table over its cached rows, in build order
 * @param rows table name → its row count
 * @param parts one report per table
 * @param checks every check's result
 * @param counters conflicts and unknown-member counts per dimension
 */
record BuiltSilver(
        InputCounts counts,
        Map<String, BuiltTable> tables,
        Map<String, Long> rows,
        List<PartReport> parts,
        List<CheckResult> checks,
        Map<String, Long> counters)
        implements AutoCloseable {

    BuiltSilver {
        requireNonNull(counts, "counts is null");
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
        rows = Map.copyOf(rows);
        parts = List.copyOf(parts);
        checks = List.copyOf(checks);
        counters = Map.copyOf(counters);
    }

    /** The row count of {@code table}. */
    long rowsOf(String table) {
        return rows.getOrDefault(table, 0L);
    }

    @Override
    public void close() {
        tables.values().stream().map(BuiltTable::rows).forEach(Dataset<Row>::unpersist);
    }
}
