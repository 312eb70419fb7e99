package io.chainline.runner.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a silver table the way a reader that is not Chainline does: with Iceberg's own Java API, or with a Spark
 * session of its own whose catalog points at the silver warehouse.
 */
final class IcebergReader {
    /** The scale of silver's decimals, DECIMAL(38,9). */
    static final int SCALE = 9;

    private IcebergReader() {}

    /** Order item id → sales of the fact table in {@code tableDir} at {@code snapshotId}, by the Iceberg Java API. */
    static Map<Long, BigDecimal> salesByItem(Path tableDir, long snapshotId) {
        Table table = new HadoopTables().load(tableDir.toString());
        Map<Long, BigDecimal> sales = new HashMap<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table)
                .useSnapshot(snapshotId)
                .select("order_item_id", "sales")
                .build()) {
            for (Record record : records) {
                sales.put((Long) record.getField("order_item_id"), (BigDecimal) record.getField("sales"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sales;
    }

    /**
     * Order item id → sales of {@code silver.fact_order} in the hadoop catalog over {@code warehouse}, by Spark SQL
     * {@code VERSION AS OF snapshotId} in a local session started and stopped for this read.
     */
    static Map<Long, BigDecimal> salesByItemWithSparkSql(Path warehouse, long snapshotId) {
        SparkSession spark = SparkSession.builder()
                .master("local[1]")
                .appName("independent-iceberg-reader")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.catalog.reader", "org.apache.iceberg.spark.SparkCatalog")
                .config("spark.sql.catalog.reader.type", "hadoop")
                .config("spark.sql.catalog.reader.warehouse", warehouse.toUri().toString())
                .getOrCreate();
        try {
            Map<Long, BigDecimal> sales = new HashMap<>();
            for (Row row : spark.sql(
                            "SELECT order_item_id, sales FROM reader.silver.fact_order VERSION AS OF " + snapshotId)
                    .collectAsList()) {
                sales.put(row.getLong(0), row.getDecimal(1));
            }
            return sales;
        } finally {
            spark.stop();
        }
    }
}
