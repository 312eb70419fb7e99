package io.chainline.export.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;

import io.chainline.core.manifest.ManifestColumn;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;

/**
 * Writes small silver versions as real Parquet with Spark, laid out as olap-transform publishes them
 * ({@code silver/<table>/<runId>/}, the fact in {@code order_month=YYYY-MM/} directories that keep the month column
 * inside the files), and the manifest that lists their files.
 */
final class SilverFixture {
    private final SparkSession spark;
    private final Path root;

    SilverFixture(SparkSession spark, Path root) {
        this.spark = spark;
        this.root = root;
    }

    /**
     * Version {@code runId}: three customers (four with {@code extraCustomer}), two products and five order items
     * in two months.
     */
    SilverManifest version(String runId, boolean extraCustomer) {
        ManifestTable customers = table(
                runId,
                "dim_customer",
                "SELECT * FROM VALUES (1L, 'Caguas'), (2L, 'Chicago')," + " (-1L, NULL)"
                        + (extraCustomer ? ", (3L, 'Bayamon')" : "") + " AS t(customer_id, customer_city)",
                List.of(column("customer_id", "bigint"), column("customer_city", "string")));
        ManifestTable products = table(
                runId,
                "dim_product",
                "SELECT product_card_id, product_name,"
                        + " CAST(price AS DECIMAL(38,9)) AS product_price FROM VALUES (1360L, 'Smart watch', '327.75'),"
                        + " (365L, 'Perfect Fitness Perfect Rip Deck', '59.99') AS t(product_card_id, product_name, price)",
                List.of(
                        column("product_card_id", "bigint"),
                        column("product_name", "string"),
                        column("product_price", "decimal(38,9)")));
        String facts = "SELECT order_item_id, order_customer_id, product_card_id, CAST(d AS TIMESTAMP) AS order_date,"
                + " CAST(s AS DECIMAL(38,9)) AS sales, date_format(CAST(d AS TIMESTAMP), 'yyyy-MM') AS order_month"
                + " FROM VALUES (1L, 1L, 1360L, '2017-01-05 10:00:00', '327.75'),"
                + " (2L, 1L, 365L, '2017-01-05 10:00:00', '119.98'),"
                + " (3L, 2L, 365L, '2017-01-20 08:30:00', '59.99'),"
                + " (4L, 2L, 1360L, '2017-02-02 12:00:00', '327.75'),"
                + " (5L, -1L, 365L, '2017-02-14 18:45:00', '179.97')"
                + " AS t(order_item_id, order_customer_id, product_card_id, d, s)";
        Path factDir = root.resolve("silver/fact_order").resolve(runId);
        for (String month : List.of("2017-01", "2017-02")) {
            spark.sql(facts)
                    .where("order_month = '" + month + "'")
                    .coalesce(1)
                    .write()
                    .parquet(factDir.resolve("order_month=" + month).toString());
        }
        ManifestTable fact = new ManifestTable(
                "fact_order",
                factDir.toUri().toString(),
                parquetFiles(factDir),
                5,
                List.of(
                        column("order_item_id", "bigint"), column("order_customer_id", "bigint"),
                        column("product_card_id", "bigint"), column("order_date", "timestamp"),
                        column("sales", "decimal(38,9)"), column("order_month", "string")),
                List.of("order_month"));
        return new SilverManifest(
                SilverManifest.FORMAT_VERSION,
                runId,
                Instant.parse("2026-11-25T11:00:00Z"),
                List.of(customers, products, fact),
                List.of());
    }

    private ManifestTable table(String runId, String name, String sql, List<ManifestColumn> columns) {
        Path dir = root.resolve("silver").resolve(name).resolve(runId);
        var rows = spark.sql(sql);
        rows.coalesce(1).write().parquet(dir.toString());
        return new ManifestTable(name, dir.toUri().toString(), parquetFiles(dir), rows.count(), columns, List.of());
    }

    private static ManifestColumn column(String name, String type) {
        return new ManifestColumn(name, type, true);
    }

    /** The Parquet files under {@code dir} as file: URIs, sorted. */
    static List<String> parquetFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".parquet"))
                    .map(file -> file.toUri().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
