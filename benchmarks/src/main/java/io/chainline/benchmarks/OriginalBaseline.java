package io.chainline.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

/**
 * The Spark job this pipeline replaces, reproduced as the benchmark's baseline exactly as the project's notes on
 * it state: read every raw file under {@code raw_streaming/}, build seven DataFrames by selecting
 * {@code data[<header>] AS <name>} (for the metadata table the fields of {@code metadata}) with no casts, no
 * dedup, no keys, and write each with mode overwrite as uncompressed Parquet to
 * {@code <output>/<name>_dimension.parquet}. It looks the two date columns up by their real headers
 * ({@code order date (DateOrders)}, {@code shipping date (DateOrders)}) so that it does the same work as a run
 * whose raw files matched the original's spelling.
 */
final class OriginalBaseline {

    /** One output column: the raw header (or metadata field) read, and the column name written. */
    record Projection(String source, String name) {
        Projection {
            requireNonNull(source, "source is null");
            requireNonNull(name, "name is null");
        }
    }

    /** Every table, in the original's order: name -> projections from the {@code data} map. */
    static final Map<String, List<Projection>> DATA_TABLES = dataTables();
    /** The metadata table's fields of the {@code metadata} record. */
    static final List<String> METADATA_FIELDS = List.of("key", "offset", "partition", "time", "topic");

    private OriginalBaseline() {}

    /** Runs the baseline on {@code session}: reads {@code <rawRoot>/raw_streaming/}, writes under {@code output}. */
    static void run(SparkSession session, String rawRoot, String output) {
        requireNonNull(session, "session is null");
        requireNonNull(rawRoot, "rawRoot is null");
        requireNonNull(output, "output is null");
        Dataset<Row> raw = session.read().format("avro").load(rawRoot + "/raw_streaming/");
        for (Map.Entry<String, List<Projection>> table : DATA_TABLES.entrySet()) {
            List<Column> columns = new ArrayList<>();
            for (Projection projection : table.getValue()) {
                columns.add(col("data").getItem(projection.source()).as(projection.name()));
            }
            write(raw.select(columns.toArray(Column[]::new)), output, table.getKey());
        }
        List<Column> metadata = new ArrayList<>();
        for (String field : METADATA_FIELDS) {
            metadata.add(col("metadata").getField(field).as(field));
        }
        write(raw.select(metadata.toArray(Column[]::new)), output, "metadata");
    }

    private static void write(Dataset<Row> table, String output, String name) {
        table.write()
                .mode("overwrite")
                .option("compression", "none")
                .parquet(output + "/" + name + "_dimension.parquet");
    }

    private static Map<String, List<Projection>> dataTables() {
        Map<String, List<Projection>> tables = new LinkedHashMap<>();
        tables.put(
                "customer",
                same(
                        "Customer Id",
                        "Customer Email",
                        "Customer Fname",
                        "Customer Lname",
                        "Customer Segment",
                        "Customer City",
                        "Customer Country",
                        "Customer State",
                        "Customer Street",
                        "Customer Zipcode"));
        tables.put(
                "product",
                same(
                        "Product Card Id",
                        "Product Category Id",
                        "Category Name",
                        "Product Description",
                        "Product Image",
                        "Product Name",
                        "Product Price",
                        "Product Status"));
        tables.put(
                "location",
                same(
                        "Order Zipcode",
                        "Order City",
                        "Order State",
                        "Order Region",
                        "Order Country",
                        "Latitude",
                        "Longitude"));
        List<Projection> order = new ArrayList<>(same("Order Id"));
        // Selected as `Order date (DateOrders)` and then renamed, which amounts to this one projection.
        order.add(new Projection("order date (DateOrders)", "Order date"));
        order.addAll(same(
                "Order Customer Id",
                "Order Item Id",
                "Product Card Id",
                "Order Item Discount",
                "Order Item Discount Rate",
                "Order Item Product Price",
                "Order Item Profit Ratio",
                "Order Item Quantity",
                "Sales per customer",
                "Sales",
                "Order Item Total",
                "Order Profit Per Order",
                "Order Status",
                "Department Id"));
        tables.put("order", List.copyOf(order));
        tables.put(
                "shipping",
                List.of(
                        new Projection("shipping date (DateOrders)", "Shipping date"),
                        new Projection("Days for shipping (real)", "Days for shipping real"),
                        new Projection("Days for shipment (scheduled)", "Days for shipping scheduled"),
                        new Projection("Shipping Mode", "Shipping Mode"),
                        new Projection("Delivery Status", "Delivery Status")));
        tables.put("department", same("Department Id", "Department Name", "Market"));
        return java.util.Collections.unmodifiableMap(tables);
    }

    private static List<Projection> same(String... headers) {
        return java.util.Arrays.stream(headers)
                .map(header -> new Projection(header, header))
                .toList();
    }
}
