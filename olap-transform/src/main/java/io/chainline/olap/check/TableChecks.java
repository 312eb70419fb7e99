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
 * The checks of one table: its row count, conflicts and null keys in one aggregation, then one grouping for key
 * uniqueness that fetches at most {@value #EXAMPLES} example keys (and counts all duplicates only when there are
 * some).
 */
public final class TableChecks {
    /** How many example keys a failed check names. */
    public static final int EXAMPLES = 5;

    private final CheckPolicy policy;

    /** Checks with {@code policy} deciding which failures only warn. */
    public TableChecks(CheckPolicy policy) {
        this.policy = requireNonNull(policy, "policy is null");
    }

    /** Checks {@code table} (whose rows should be cached: they are read twice). */
    public TableStats check(BuiltTable table) {
        requireNonNull(table, "table is null");
        Dataset<Row> rows = table.rows();
        String key = table.keyColumn();
        Column conflicts = table.conflictColumn()
                .map(name -> sum(when(col(name), lit(1L)).otherwise(lit(0L))))
                .orElse(lit(0L));
        Row counts = rows.agg(count(lit(1)), count(col(key)), conflicts).first();
        long total = counts.getLong(0);
        long nullKeys = total - counts.getLong(1);
        long conflicted = counts.isNullAt(2) ? 0 : ((Number) counts.get(2)).longValue();

        List<CheckResult> results = new ArrayList<>();
        results.add(policy.result(CheckKind.ROW_COUNT, table.name(), true, total + " rows"));
        results.add(policy.result(CheckKind.NOT_NULL_KEY, table.name(), nullKeys == 0,
                nullKeys == 0 ? "no null " + key : nullKeys + " rows of " + table.name() + " have a null " + key));

        Dataset<Row> duplicates = rows.filter(col(key).isNotNull()).groupBy(col(key)).count()
                .filter(col("count").gt(1));
        List<Row> examples = duplicates.select(col(key)).limit(EXAMPLES).collectAsList();
        if (examples.isEmpty()) {
            results.add(policy.result(CheckKind.UNIQUE_KEY, table.name(), true, "every " + key + " occurs once"));
        } else {
            long duplicated = duplicates.count();
            results.add(policy.result(CheckKind.UNIQUE_KEY, table.name(), false, duplicated + " " + key
                    + " value(s) occur more than once in " + table.name() + ", e.g. " + key + " " + render(examples)));
        }
        return new TableStats(table.name(), total, conflicted, results);
    }

    static String render(List<Row> examples) {
        return examples.stream().map(row -> String.valueOf(row.get(0))).sorted()
                .collect(Collectors.joining(", "));
    }
}
