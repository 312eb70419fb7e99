package io.chainline.olap.conform;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import io.chainline.core.contract.DataCoColumn;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The conformed frame of one build, persisted (memory, then disk) so that the raw files are read once, with its
 * {@link InputCounts} taken in one pass. {@link #close()} unpersists it.
 */
public final class ConformedInput implements AutoCloseable {
    private final Dataset<Row> frame;
    private final InputCounts counts;

    private ConformedInput(Dataset<Row> frame, InputCounts counts) {
        this.frame = frame;
        this.counts = counts;
    }

    /** Conforms and persists {@code raw} and counts what became of its rows (this runs the scan). */
    public static ConformedInput of(Dataset<Row> raw) {
        requireNonNull(raw, "raw is null");
        Dataset<Row> frame = new Conformer().conform(raw).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return new ConformedInput(frame, countRows(frame));
        } catch (RuntimeException e) {
            frame.unpersist();
            throw e;
        }
    }

    /** The conformed rows (status OK): the 52 contract columns under their snake names plus the Kafka columns. */
    public Dataset<Row> valid() {
        List<Column> columns = new ArrayList<>();
        Conformer.silverColumns().forEach(column -> columns.add(col(column.snakeName())));
        KafkaColumns.ALL.forEach(name -> columns.add(col(name)));
        return withStatus(RowStatus.OK).select(columns.toArray(Column[]::new));
    }

    /** The rejected rows: the raw data as JSON text, the Kafka coordinates and the reason. */
    public Dataset<Row> rejects() {
        List<Column> columns = new ArrayList<>();
        columns.add(col(Conformer.RAW_DATA));
        KafkaColumns.ALL.forEach(name -> columns.add(col(name)));
        columns.add(col(Conformer.REASON));
        return withStatus(RowStatus.REJECTED).select(columns.toArray(Column[]::new));
    }

    /** What became of the raw rows. */
    public InputCounts counts() {
        return counts;
    }

    /** Releases the cached frame. */
    @Override
    public void close() {
        frame.unpersist();
    }

    private Dataset<Row> withStatus(RowStatus status) {
        return frame.filter(col(Conformer.STATUS).equalTo(lit(status.code())));
    }

    private static InputCounts countRows(Dataset<Row> frame) {
        Column ok = col(Conformer.STATUS).equalTo(lit(RowStatus.OK.code()));
        Row row = frame.agg(
                        count(lit(1)),
                        countOf(RowStatus.REPLAY),
                        countOf(RowStatus.SUPERSEDED),
                        countOf(RowStatus.REJECTED),
                        countOf(RowStatus.OK),
                        count_distinct(when(ok, col(DataCoColumn.ORDER_ITEM_ID.snakeName()))))
                .first();
        return new InputCounts(
                row.getLong(0),
                longOrZero(row, 1),
                longOrZero(row, 2),
                longOrZero(row, 3),
                longOrZero(row, 4),
                row.getLong(5));
    }

    private static Column countOf(RowStatus status) {
        return sum(
                when(col(Conformer.STATUS).equalTo(lit(status.code())), lit(1L)).otherwise(lit(0L)));
    }

    private static long longOrZero(Row row, int index) {
        return row.isNullAt(index) ? 0 : row.getLong(index);
    }
}
