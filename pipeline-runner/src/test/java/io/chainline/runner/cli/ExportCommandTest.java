package io.chainline.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.manifest.ManifestColumn;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gcs-to-bigquery-pipeline} in local mode over a published silver version, then {@code sql} on the result. */
class ExportCommandTest {
    private static final String RUN = "20261125-110000-ab12";

    @TempDir
    Path dir;

    private Path store;
    private Path warehouse;

    @BeforeEach
    void paths() {
        store = dir.resolve("store");
        warehouse = dir.resolve("warehouse.duckdb");
    }

    private CliRun chainline(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--set";
        all[args.length + 1] = "chainline.store.root=" + store;
        all[args.length + 2] = "--set";
        all[args.length + 3] = "chainline.export.duckdb-path=" + warehouse;
        return CliRun.run(Map.of("CHAINLINE_STATE_DIR", dir.resolve("state").toString()), all);
    }

    /** Publishes a silver version of two tables whose Parquet files DuckDB writes, laid out as Spark's are. */
    private void publish() throws SQLException, IOException {
        Path customers = store.resolve("silver/dim_customer/" + RUN + "/part-00000.parquet");
        Path january = store.resolve("silver/fact_order/" + RUN + "/order_month=2017-01/part-00000.parquet");
        Path february = store.resolve("silver/fact_order/" + RUN + "/order_month=2017-02/part-00000.parquet");
        for (Path file : List.of(customers, january, february)) {
            Files.createDirectories(file.getParent());
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT * FROM VALUES (1, 'Caguas'), (2, 'Chicago') AS t(customer_id,"
                    + " customer_city)) TO '" + customers + "' (FORMAT PARQUET)");
            statement.execute("COPY (SELECT * FROM VALUES (10, 1, '2017-01'), (11, 2, '2017-01') AS t(order_item_id,"
                    + " order_customer_id, order_month)) TO '" + january + "' (FORMAT PARQUET)");
            statement.execute("COPY (SELECT * FROM VALUES (12, 1, '2017-02') AS t(order_item_id, order_customer_id,"
                    + " order_month)) TO '" + february + "' (FORMAT PARQUET)");
        }
        SilverManifest manifest = new SilverManifest(
                SilverManifest.FORMAT_VERSION,
                RUN,
                Instant.parse("2026-11-25T11:00:00Z"),
                List.of(
                        new ManifestTable(
                                "dim_customer",
                                customers.getParent().toUri().toString(),
                                List.of(customers.toUri().toString()),
                                2,
                                List.of(
                                        new ManifestColumn("customer_id", "int", false),
                                        new ManifestColumn("customer_city", "string", true)),
                                List.of()),
                        new ManifestTable(
                                "fact_order",
                                january.getParent().getParent().toUri().toString(),
                                List.of(
                                        january.toUri().toString(),
                                        february.toUri().toString()),
                                3,
                                List.of(
                                        new ManifestColumn("order_item_id", "int", false),
                                        new ManifestColumn("order_customer_id", "int", true),
                                        new ManifestColumn("order_month", "string", true)),
                                List.of("order_month"))),
                List.of());
        Files.write(store.resolve(SilverManifest.OBJECT_NAME), manifest.toJson());
    }

    @Test
    void localModeFillsTheWarehouseAndSqlPrintsTheManifestsCount() throws Exception {
        publish();

        CliRun export = chainline("gcs-to-bigquery-pipeline", "--mode", "local");
        CliRun count = chainline("sql", "select count(*) AS fact_rows from fact_order");

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.err()).contains("gcs-to-bigquery: SUCCEEDED", "output: " + warehouse);
        assertThat(export.err())
                .containsPattern("dim_customer +2 +2 +0 +0 +\\d+\\.\\d +verified in \\d+\\.\\d s -> "
                        + java.util.regex.Pattern.quote(warehouse + "#dim_customer"));
        assertThat(export.err()).containsPattern("fact_order +3 +3 +0 +0 +\\d+\\.\\d +verified in");
        assertThat(count.exitCode()).isZero();
        assertThat(count.out().lines()).containsExactly("fact_rows", "3");
    }

    @Test
    void jsonReportsEveryTablesVerification() throws Exception {
        publish();

        CliRun run = chainline("gcs-to-bigquery-pipeline", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(
                        "\"status\" : \"SUCCEEDED\"",
                        "\"name\" : \"dim_customer.rows-verified\"",
                        "\"name\" : \"fact_order.rows-verified\"",
                        "\"detail\" : \"manifest 3 rows, warehouse 3 rows\"");
    }

    @Test
    void withoutAPublishedVersionTheRunFails() {
        CliRun run = chainline("gcs-to-bigquery-pipeline");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "gcs-to-bigquery: FAILED",
                        "No silver version is published at",
                        "run chainline olap-transformation-pipeline first");
    }

    @Test
    void anUnknownModeIsAUsageErrorNamingTheRegisteredOnes() {
        CliRun run = chainline("gcs-to-bigquery-pipeline", "--mode", "snowflake");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "Unknown exporter 'snowflake' for '--mode': registered exporters are [bigquery, local, mage]");
    }
}
