package io.chainline.olap;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build runs Spark on JDK 17: the test JVM carries the module openings Spark needs (the parent pom's
 * {@code spark.argLine}) and one Jackson version that Spark, Kafka and the Google clients all accept.
 */
class SparkOnJava17IT {

    @Test
    void aLocalSessionShufflesWritesAndReadsParquet(@TempDir Path dir) {
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("spark-on-java-17")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        try {
            Dataset<Row> orders = spark.createDataset(
                            List.of("1,Fitness,327.75", "2,Fitness,299.98", "3,Apparel,50.00"), Encoders.STRING())
                    .selectExpr("split(value, ',') AS f")
                    .selectExpr(
                            "CAST(f[0] AS BIGINT) AS order_item_id",
                            "f[1] AS department_name",
                            "CAST(f[2] AS DECIMAL(38,9)) AS sales");
            String path = dir.resolve("orders").toUri().toString();
            orders.write().partitionBy("department_name").parquet(path);

            List<Row> totals = spark.read()
                    .parquet(path)
                    .groupBy("department_name")
                    .agg(sum(col("sales")).as("total"))
                    .orderBy("department_name")
                    .collectAsList();

            assertThat(totals).hasSize(2);
            assertThat(totals.get(0).getString(0)).isEqualTo("Apparel");
            assertThat(totals.get(1).getDecimal(1)).isEqualByComparingTo("627.73");
        } finally {
            spark.stop();
        }
    }
}
