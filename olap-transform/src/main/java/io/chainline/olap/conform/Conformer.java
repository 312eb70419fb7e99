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
 */
public final class Conformer {
    /** The {@link RowStatus#code()} of the row. */
    public static final String STATUS = "row_status";
    /** Every problem of a rejected row, separated by {@code "; "}; null otherwise. */
    public static final String REASON = "reject_reason";
    /** The raw {@code data} map of a rejected row as JSON text; null otherwise. */
    public static final String RAW_DATA = "raw_data";

    private static final String REPLAY = "_replay";
    private static final String VERSION = "_version";

    /** The contract columns that reach silver: all but {@code Customer Password}. */
    public static List<DataCoColumn> silverColumns() {
        return DataCoColumn.inFileOrder().stream().filter(column -> column != DataCoColumn.CUSTOMER_PASSWORD).toList();
    }

    /** The conformed frame of {@code raw}, lazily: nothing runs until it is used. */
    public Dataset<Row> conform(Dataset<Row> raw) {
        requireNonNull(raw, "raw is null");
        Column data = col(RawFrames.DATA);
        Column itemId = ValueRules.of(DataCoColumn.ORDER_ITEM_ID,
                data.getItem(DataCoColumn.ORDER_ITEM_ID.header())).value();
        Column coordinates = struct(col(KafkaColumns.TOPIC_ID), col(KafkaColumns.PARTITION), col(KafkaColumns.OFFSET));
        WindowSpec versions = Window.partitionBy(itemId).orderBy(col(KafkaColumns.TIME).desc(),
                col(KafkaColumns.OFFSET).desc(), col(KafkaColumns.PARTITION).desc(), col(KafkaColumns.TOPIC_ID).desc());
        Dataset<Row> ranked = raw
                .withColumn(REPLAY, coalesceFalse(lag(coordinates, 1).over(versions).equalTo(coordinates)))
                .withColumn(VERSION, row_number().over(versions));

        List<Column> typed = new ArrayList<>();
        List<Column> problems = new ArrayList<>();
        for (DataCoColumn column : silverColumns()) {
            ConformedValue value = ValueRules.of(column, data.getItem(column.header()));
            typed.add(value.value().as(column.snakeName()));
            problems.add(value.problem());
        }
        Column reasons = concat_ws("; ", problems.toArray(Column[]::new));
        Column isReplay = col(REPLAY);
        Column isSuperseded = itemId.isNotNull().and(col(VERSION).gt(1));
        Column status = when(isReplay, lit(RowStatus.REPLAY.code()))
                .when(isSuperseded, lit(RowStatus.SUPERSEDED.code()))
                .when(reasons.notEqual(lit("")), lit(RowStatus.REJECTED.code()))
                .otherwise(lit(RowStatus.OK.code()));

        List<Column> columns = new ArrayList<>(typed);
        KafkaColumns.ALL.forEach(name -> columns.add(col(name)));
        columns.add(status.as(STATUS));
        columns.add(when(isReplay.or(isSuperseded), lit(null)).otherwise(when(reasons.notEqual(lit("")), reasons))
                .as(REASON));
        columns.add(data);
        Dataset<Row> conformed = ranked.select(columns.toArray(Column[]::new));
        return conformed
                .withColumn(RAW_DATA, when(col(STATUS).equalTo(lit(RowStatus.REJECTED.code())), to_json(data)))
                .drop(RawFrames.DATA);
    }

    private static Column coalesceFalse(Column condition) {
        return when(condition, lit(true)).otherwise(lit(false));
    }
}
