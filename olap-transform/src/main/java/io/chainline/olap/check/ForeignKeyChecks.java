package io.chainline.olap.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.chainline.core.stage.CheckResult;
import io.chainline.olap.build.BuiltTable;
import io.chainline.olap.build.SurrogateKeys;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The no-orphan checks of a table's foreign keys in one pass: the referenced tables' keys are broadcast and joined
 * to the table, and one aggregation counts, per foreign key, the rows that name no row of the referenced table and
 * the rows that name its unknown member. Example keys are fetched only for a key that has orphans.
 */
public final class ForeignKeyChecks {
    private final CheckPolicy policy;

    /** Checks with {@code policy} deciding which failures only warn. */
    public ForeignKeyChecks(CheckPolicy policy) {
        this.policy = requireNonNull(policy, "policy is null");
    }

    /**
     * Checks the foreign keys of {@code table} against {@code tables} (every built table by name).
     */
    public ForeignKeyStats check(BuiltTable table, Map<String, BuiltTable> tables) {
        requireNonNull(table, "table is null");
        requireNonNull(tables, "tables is null");
        Map<String, String> foreignKeys = new TreeMap<>(table.foreignKeys());
        List<Column> aggregates = new ArrayList<>();
        Dataset<Row> joined = table.rows();
        int i = 0;
        for (Map.Entry<String, String> foreignKey : foreignKeys.entrySet()) {
            BuiltTable referenced = tables.get(foreignKey.getValue());
            String column = foreignKey.getKey();
            aggregates.add(sum(when(col(column).equalTo(lit(SurrogateKeys.UNKNOWN)), lit(1L))
                    .otherwise(lit(0L))));
            if (referenced != null) {
                String found = "_found_" + i;
                joined = joined.join(
                        broadcast(referencedKeys(referenced, found)),
                        col(column).equalTo(col(found)),
                        "left");
                aggregates.add(sum(when(col(found).isNull(), lit(1L)).otherwise(lit(0L))));
            } else {
                aggregates.add(lit(0L));
            }
            i++;
        }
        Map<String, Long> unknown = new TreeMap<>();
        List<CheckResult> results = new ArrayList<>();
        if (foreignKeys.isEmpty()) {
            return new ForeignKeyStats(table.name(), unknown, results);
        }
        Row counts = joined.agg(
                        aggregates.get(0),
                        aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
                .first();
        i = 0;
        for (Map.Entry<String, String> foreignKey : foreignKeys.entrySet()) {
            String column = foreignKey.getKey();
            String target = foreignKey.getValue();
            unknown.merge(target, longAt(counts, 2 * i), Long::sum);
            BuiltTable referenced = tables.get(target);
            if (referenced == null) {
                results.add(policy.result(
                        CheckKind.NO_ORPHAN,
                        table.name() + "." + column,
                        false,
                        table.name() + "." + column + " references table " + target
                                + ", which this build does not have"));
            } else {
                long orphans = longAt(counts, 2 * i + 1);
                results.add(policy.result(
                        CheckKind.NO_ORPHAN,
                        table.name() + "." + column,
                        orphans == 0,
                        orphans == 0
                                ? "every " + column + " is a " + target + "." + referenced.keyColumn()
                                : orphans + " rows of " + table.name() + " have a " + column + " that is not in "
                                        + target + ", e.g. " + column + " " + examples(table, column, referenced)));
            }
            i++;
        }
        return new ForeignKeyStats(table.name(), unknown, results);
    }

    private static Dataset<Row> referencedKeys(BuiltTable referenced, String alias) {
        return referenced.rows().select(col(referenced.keyColumn()).as(alias)).distinct();
    }

    private static String examples(BuiltTable table, String column, BuiltTable referenced) {
        Dataset<Row> keys = referencedKeys(referenced, "_key");
        List<Row> rows = table.rows()
                .select(col(column))
                .distinct()
                .join(keys, col(column).equalTo(col("_key")), "left_anti")
                .limit(TableChecks.EXAMPLES)
                .collectAsList();
        return TableChecks.render(rows);
    }

    private static long longAt(Row row, int index) {
        return row.isNullAt(index) ? 0 : ((Number) row.get(index)).longValue();
    }
}
