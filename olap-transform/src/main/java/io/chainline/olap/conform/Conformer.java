package io.chainline.olap.conform;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

import io.chainline.core.contract.DataCoColumn;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_filter;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.map_values;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

/**
 * Turns raw rows ({@link RawFrames}) into conformed rows. The 52 contract columns other than
 * {@code Customer Password} are conformed by {@link ValueRules} under their snake names, with every problem of a
 * row as its reason; then one window over the order item id (a single shuffle, of typed values rather than the raw
 * map) marks exact replays (a record equal in topic id, partition and offset to its neighbour) and superseded
 * versions (all but the latest by Kafka time, then offset). The latest version is the row's outcome: a fact row,
 * or rejected when its reason is not empty; it is never replaced by an older version. Conforming the rows that
 * are dropped anyway costs less than shuffling every raw map.
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

    private static final String REPLAY = "_replay";
    private static final String VERSION = "_version";
    private static final String TEXT = "_text_";
    private static final String VALUES = "_values";
    private static final String IN_ORDER = "_in_contract_order";

    /** The contract columns that reach silver: all but {@code Customer Password}. */
    public static List<DataCoColumn> silverColumns() {
        return DataCoColumn.inFileOrder().stream()
                .filter(column -> column != DataCoColumn.CUSTOMER_PASSWORD)
                .toList();
    }

    /** The conformed frame of {@code raw}, lazily: nothing runs until it is used. */
    public Dataset<Row> conform(Dataset<Row> raw) {
        requireNonNull(raw, "raw is null");
        Column data = col(RawFrames.DATA);
        List<DataCoColumn> columns = silverColumns();
        List<Column> kafka = KafkaColumns.ALL.stream().map(name -> col(name)).toList();

        // A map lookup scans the keys: 52 lookups in a map of 53 cost more than all the typing. The raw sink stores
        // the map in the order the row arrived in, which is the contract's file order for every source Chainline
        // has, so a row whose keys are in that order is read by position; any other row by lookup.
        List<Column> positioned = new ArrayList<>(kafka);
        positioned.add(data);
        positioned.add(map_values(data).as(VALUES));
        positioned.add(map_keys(data)
                .equalTo(array(
                        DataCoColumn.headers().stream().map(functions::lit).toArray(Column[]::new)))
                .as(IN_ORDER));
        List<Column> trimmed = new ArrayList<>(kafka);
        trimmed.add(data);
        List<Column> cleaned = new ArrayList<>(kafka);
        cleaned.add(data);
        List<Column> typed = new ArrayList<>(kafka);
        typed.add(data);
        List<Column> problems = new ArrayList<>();
        List<Column> checked = new ArrayList<>(kafka);
        for (int i = 0; i < columns.size(); i++) {
            DataCoColumn column = columns.get(i);
            Column text = col(TEXT + i);
            int position = DataCoColumn.headers().indexOf(column.header()) + 1;
            Column stored =
                    when(col(IN_ORDER), element_at(col(VALUES), position)).otherwise(data.getItem(column.header()));
            trimmed.add(ValueRules.trimmed(stored).as(TEXT + i));
            cleaned.add(ValueRules.nullIfEmpty(text).as(TEXT + i));
            typed.add(text);
            typed.add(ValueRules.value(column, text).as(column.snakeName()));
            problems.add(ValueRules.problem(column, text, col(column.snakeName())));
            checked.add(col(column.snakeName()));
        }
        Column reasons = concat_ws("; ", problems.toArray(Column[]::new));
        checked.add(when(reasons.notEqual(lit("")), reasons).as(REASON));
        // Only an invalid row keeps its raw data (as JSON), so the shuffle below carries typed values, not the map.
        // Customer Password never goes past bronze, not even in the rejects
        Column withoutPassword =
                map_filter(data, (header, value) -> header.notEqual(lit(DataCoColumn.CUSTOMER_PASSWORD.header())));
        checked.add(when(reasons.notEqual(lit("")), to_json(withoutPassword)).as(RAW_DATA));

        Column item = col(DataCoColumn.ORDER_ITEM_ID.snakeName());
        Column coordinates = struct(col(KafkaColumns.TOPIC_ID), col(KafkaColumns.PARTITION), col(KafkaColumns.OFFSET));
        WindowSpec versions = Window.partitionBy(item)
                .orderBy(
                        col(KafkaColumns.TIME).desc(),
                        col(KafkaColumns.OFFSET).desc(),
                        col(KafkaColumns.PARTITION).desc(),
                        col(KafkaColumns.TOPIC_ID).desc());
        Column isReplay = col(REPLAY);
        Column isSuperseded = item.isNotNull().and(col(VERSION).gt(1));
        Column status = when(isReplay, lit(RowStatus.REPLAY.code()))
                .when(isSuperseded, lit(RowStatus.SUPERSEDED.code()))
                .when(col(REASON).isNotNull(), lit(RowStatus.REJECTED.code()))
                .otherwise(lit(RowStatus.OK.code()));
        Column dropped = isReplay.or(isSuperseded);

        List<Column> output = new ArrayList<>();
        columns.forEach(column -> output.add(col(column.snakeName())));
        output.addAll(kafka);
        output.add(status.as(STATUS));
        output.add(when(dropped, lit(null)).otherwise(col(REASON)).as(REASON));
        output.add(when(dropped, lit(null)).otherwise(col(RAW_DATA)).as(RAW_DATA));
        return raw.select(positioned.toArray(Column[]::new))
                .select(trimmed.toArray(Column[]::new))
                .select(cleaned.toArray(Column[]::new))
                .select(typed.toArray(Column[]::new))
                .select(checked.toArray(Column[]::new))
                .withColumn(
                        REPLAY,
                        when(lag(coordinates, 1).over(versions).equalTo(coordinates), lit(true))
                                .otherwise(lit(false)))
                .withColumn(VERSION, row_number().over(versions))
                .select(output.toArray(Column[]::new));
    }
}
