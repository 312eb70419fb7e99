package io.chainline.olap.check;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.chainline.core.stage.CheckResult;
import io.chainline.olap.build.BuiltTable;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The checks of one table in one pass: a grouping by key gives the row count, null keys, duplicated keys and
 * conflicts together; example keys (at most {@value #EXAMPLES}) are fetched only when some key is duplicated.
 */
public final class TableChecks {
    /** How many example keys a failed check names. */
    public static final int EXAMPLES = 5;

    private static final String KEY = "_key";
    private static final String ROWS = "_rows";
    private static final String CONFLICTS = "_conflicts";

    private final CheckPolicy policy;

    /** Checks with {@code policy} deciding which failures only warn. */
    public TableChecks(CheckPolicy policy) {
        this.policy = requireNonNull(policy, "policy is null");
    }

    /** Checks {@code table} (whose rows should be cached: a duplicated key makes them read twice). */
    public TableStats check(BuiltTable table) {
        requireNonNull(table, "table is null");
        String key = table.keyColumn();
        Column conflicts = table.conflictColumn()
                .map(name -> sum(when(col(name), lit(1L)).otherwise(lit(0L))))
                .orElse(lit(0L));
        Dataset<Row> perKey =
                table.rows().groupBy(col(key).as(KEY)).agg(count(lit(1)).as(ROWS), conflicts.as(CONFLICTS));
        Column duplicated = col(KEY).isNotNull().and(col(ROWS).gt(1));
        Row counts = perKey.agg(
                        sum(col(ROWS)),
                        sum(when(col(KEY).isNull(), col(ROWS)).otherwise(lit(0L))),
                        sum(when(duplicated, lit(1L)).otherwise(lit(0L))),
                        sum(col(CONFLICTS)))
                .first();
        long total = longAt(counts, 0);
        long nullKeys = longAt(counts, 1);
        long duplicates = longAt(counts, 2);

        List<CheckResult> results = new ArrayList<>();
        results.add(policy.result(CheckKind.ROW_COUNT, table.name(), true, total + " rows"));
        results.add(policy.result(
                CheckKind.NOT_NULL_KEY,
                table.name(),
                nullKeys == 0,
                nullKeys == 0 ? "no null " + key : nullKeys + " rows of " + table.name() + " have a null " + key));
        if (duplicates == 0) {
            results.add(policy.result(CheckKind.UNIQUE_KEY, table.name(), true, "every " + key + " occurs once"));
        } else {
            List<Row> examples =
                    perKey.filter(duplicated).select(col(KEY)).limit(EXAMPLES).collectAsList();
            results.add(policy.result(
                    CheckKind.UNIQUE_KEY,
                    table.name(),
                    false,
                    duplicates + " " + key + " value(s) occur more than once in " + table.name() + ", e.g. " + key + " "
                            + render(examples)));
        }
        return new TableStats(table.name(), total, longAt(counts, 3), results);
    }

    private static long longAt(Row row, int index) {
        return row.isNullAt(index) ? 0 : ((Number) row.get(index)).longValue();
    }

    static String render(List<Row> examples) {
        return examples.stream().map(row -> String.valueOf(row.get(0))).sorted().collect(Collectors.joining(", "));
    }
}
