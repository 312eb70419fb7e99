package io.chainline.olap.conform;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import io.chainline.core.contract.DataCoColumn;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

/**
 * Turns raw rows ({@link RawFrames}) into conformed rows: one window over the order item id (a single shuffle)
 * marks exact replays (a record equal in topic id, partition and offset to its neighbour) and superseded versions
 * (all but the latest by Kafka time, then offset); the 52 contract columns other than {@code Customer Password}
 * are conformed by {@link ValueRules} under their snake names, and a row with any invalid value is rejected with
 * every problem as its reason. A rejected latest version is not replaced by an older one.
 *
 * <p>The result keeps every raw row with its {@link RowStatus}, so that one cached frame answers every count.
 * Trimmed text, clean text, values and problems are separate projections, so that no expression (a map lookup
 * above all) is generated twice.
 */
public final class Conformer {
    /** The {@link RowStatus#code()} of the row. */
    public static final String STATUS = "row_status";
    /** Every problem of a rejected row, separated by {@code "; "}; null otherwise. */
    public static final String REASON = "reject_reason";
    /** The raw {@code data} map of a rejected row as JSON text; null otherwise. */
    public static final String RAW_DATA = "raw_data";

    private static final String ITEM = "_item";
    private static final String REPLAY = "_replay";
    private static final String VERSION = "_version";
    private static final String TEXT = "_text_";

    /** The contract columns that reach silver: all but {@code Customer Password}. */
    public static List<DataCoColumn> silverColumns() {
        return DataCoColumn.inFileOrder().stream().filter(column -> column != DataCoColumn.CUSTOMER_PASSWORD).toList();
    }

    /** The conformed frame of {@code raw}, lazily: nothing runs until it is used. */
    public Dataset<Row> conform(Dataset<Row> raw) {
        requireNonNull(raw, "raw is null");
        Column data = col(RawFrames.DATA);
        Column coordinates = struct(col(KafkaColumns.TOPIC_ID), col(KafkaColumns.PARTITION), col(KafkaColumns.OFFSET));
        WindowSpec versions = Window.partitionBy(col(ITEM)).orderBy(col(KafkaColumns.TIME).desc(),
                col(KafkaColumns.OFFSET).desc(), col(KafkaColumns.PARTITION).desc(), col(KafkaColumns.TOPIC_ID).desc());
        Dataset<Row> ranked = raw
                .withColumn(ITEM, ValueRules.value(DataCoColumn.ORDER_ITEM_ID,
                        ValueRules.clean(data.getItem(DataCoColumn.ORDER_ITEM_ID.header()))))
                .withColumn(REPLAY, when(lag(coordinates, 1).over(versions).equalTo(coordinates), lit(true))
                        .otherwise(lit(false)))
                .withColumn(VERSION, row_number().over(versions));

        List<Column> kept = new ArrayList<>(List.of(data, col(ITEM), col(REPLAY), col(VERSION)));
        KafkaColumns.ALL.forEach(name -> kept.add(col(name)));
        List<DataCoColumn> columns = silverColumns();

        List<Column> trimmed = new ArrayList<>(kept);
        for (int i = 0; i < columns.size(); i++) {
            trimmed.add(ValueRules.trimmed(data.getItem(columns.get(i).header())).as(TEXT + i));
        }
        List<Column> cleaned = new ArrayList<>(kept);
        for (int i = 0; i < columns.size(); i++) {
            cleaned.add(ValueRules.nullIfEmpty(col(TEXT + i)).as(TEXT + i));
        }
        List<Column> typed = new ArrayList<>(kept);
        for (int i = 0; i < columns.size(); i++) {
            typed.add(col(TEXT + i));
            typed.add(ValueRules.value(columns.get(i), col(TEXT + i)).as(columns.get(i).snakeName()));
        }
        List<Column> problems = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            DataCoColumn column = columns.get(i);
            problems.add(ValueRules.problem(column, col(TEXT + i), col(column.snakeName())));
        }
        Column reasons = concat_ws("; ", problems.toArray(Column[]::new));
        Column isReplay = col(REPLAY);
        Column isSuperseded = col(ITEM).isNotNull().and(col(VERSION).gt(1));
        Column status = when(isReplay, lit(RowStatus.REPLAY.code()))
                .when(isSuperseded, lit(RowStatus.SUPERSEDED.code()))
                .when(reasons.notEqual(lit("")), lit(RowStatus.REJECTED.code()))
                .otherwise(lit(RowStatus.OK.code()));

        List<Column> output = new ArrayList<>();
        columns.forEach(column -> output.add(col(column.snakeName())));
        KafkaColumns.ALL.forEach(name -> output.add(col(name)));
        output.add(status.as(STATUS));
        output.add(when(isReplay.or(isSuperseded), lit(null)).otherwise(when(reasons.notEqual(lit("")), reasons))
                .as(REASON));
        output.add(data);
        return ranked.select(trimmed.toArray(Column[]::new))
                .select(cleaned.toArray(Column[]::new))
                .select(typed.toArray(Column[]::new))
                .select(output.toArray(Column[]::new))
                .withColumn(RAW_DATA, when(col(STATUS).equalTo(lit(RowStatus.REJECTED.code())), to_json(data)))
                .drop(RawFrames.DATA);
    }
}
