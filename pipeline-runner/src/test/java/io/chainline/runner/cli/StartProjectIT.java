package io.chainline.runner.cli;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.store.LocalBlobStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code start-project} end to end, in-process: an embedded broker and PostgreSQL server started for the command,
 * Spark in local mode, the DuckDB warehouse.
 */
class StartProjectIT {
    private static final List<String> RECONCILIATIONS = List.of(
            "reconciliation.ingest",
            "reconciliation.bronze",
            "reconciliation.raw",
            "reconciliation.silver",
            "reconciliation.warehouse");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void generatedRowsReachTheWarehouseAndEveryHopReconciles() throws Exception {
        CliRun run = startProject("--rows", "20000");

        JsonNode report = succeeded(run);
        JsonNode reconcile = stage(report, "reconcile");
        assertThat(reconcile.path("checks").findValuesAsText("name")).containsExactlyElementsOf(RECONCILIATIONS);
        assertThat(reconcile.path("checks").findValuesAsText("status")).containsOnly("PASSED");
        JsonNode ingest = stage(report, "stream-data");
        long sent = ingest.path("rowsOut").asLong();
        assertThat(ingest.path("rowsIn").asLong()).isEqualTo(20_000);
        assertThat(sent + ingest.path("rowsRejected").asLong()).isEqualTo(20_000);
        assertThat(checkDetail(reconcile, "reconciliation.bronze"))
                .startsWith("sent " + sent + " = bronze rows " + sent);
        assertThat(checkDetail(reconcile, "reconciliation.raw")).startsWith("sent " + sent + " = raw records " + sent);

        SilverManifest manifest = manifest();
        Map<String, Long> warehouse = warehouseCounts(manifest);
        assertThat(manifest.tables())
                .extracting(ManifestTable::name)
                .contains(
                        "fact_order",
                        "dim_customer",
                        "dim_product",
                        "dim_location",
                        "dim_department",
                        "dim_shipping",
                        "dim_metadata",
                        "dim_date");
        for (ManifestTable table : manifest.tables()) {
            assertThat(warehouse.get(table.name()))
                    .as(table.name())
                    .isEqualTo(table.rowCount())
                    .isPositive();
        }
        assertThat(warehouse.get("fact_order"))
                .isEqualTo(stage(report, "olap-transform").path("rowsOut").asLong());

        String html = Files.readString(reportFile(report, ".html"));
        assertThat(html)
                .contains(RECONCILIATIONS)
                .contains("fact_order")
                .contains(String.format(Locale.ROOT, "%,d", warehouse.get("fact_order")))
                .contains(String.format(Locale.ROOT, "%,d", warehouse.get("dim_customer")));
    }

    @Test
    void theSampleFileArrivesWithItsNamesAndDistinctCounts() throws Exception {
        Path sample = dir.resolve("dataco-sample.csv");
        try (InputStream in = StartProjectIT.class.getResourceAsStream("/dataco/dataco-sample.csv")) {
            Files.copy(in, sample);
        }
        List<Map<String, String>> rows = csv(sample);

        JsonNode report = succeeded(startProject("--input", sample.toString()));

        assertThat(stage(report, "stream-data").path("rowsOut").asLong()).isEqualTo(rows.size());
        try (Connection warehouse = warehouse()) {
            assertThat(count(warehouse, "SELECT count(DISTINCT order_customer_id) FROM fact_order"))
                    .isEqualTo(distinct(rows, row -> row.get("Customer Id")));
            assertThat(count(warehouse, "SELECT count(DISTINCT product_card_id) FROM fact_order"))
                    .isEqualTo(distinct(rows, row -> row.get("Product Card Id")));
            assertThat(count(warehouse, "SELECT count(DISTINCT order_id) FROM fact_order"))
                    .isEqualTo(distinct(rows, row -> row.get("Order Id")));
            assertThat(strings(
                            warehouse,
                            "SELECT customer_fname || ' ' || customer_lname FROM dim_customer"
                                    + " WHERE customer_id <> -1"))
                    .isEqualTo(values(rows, row -> row.get("Customer Fname") + " " + row.get("Customer Lname")));
            assertThat(strings(warehouse, "SELECT order_state FROM dim_location WHERE location_id <> -1"))
                    .isEqualTo(values(rows, row -> row.get("Order State")))
                    .contains("Rajastán");
            assertThat(strings(warehouse, "SELECT order_country FROM dim_location WHERE location_id <> -1"))
                    .isEqualTo(values(rows, row -> row.get("Order Country")));
            assertThat(strings(warehouse, "SELECT product_name FROM dim_product WHERE product_card_id <> -1"))
                    .isEqualTo(values(rows, row -> row.get("Product Name")));
            Map<Long, BigDecimal> sales = salesByItem(warehouse);
            assertThat(sales.keySet())
                    .isEqualTo(new HashSet<>(rows.stream()
                            .map(row -> Long.valueOf(row.get("Order Item Id")))
                            .toList()));
            assertThat(sales.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(rows.stream()
                            .map(row -> new BigDecimal(row.get("Sales")))
                            .reduce(BigDecimal.ZERO, BigDecimal::add));

            long snapshot = manifest().table("fact_order").orElseThrow().snapshotId();
            assertThat(IcebergReader.salesByItem(dir.resolve("data/silver/fact_order"), snapshot))
                    .as("fact_order read by Iceberg's Java API at the published snapshot")
                    .isEqualTo(sales);
            assertThat(IcebergReader.salesByItemWithSparkSql(dir.resolve("data"), snapshot))
                    .as("fact_order read by Spark SQL VERSION AS OF the published snapshot")
                    .isEqualTo(sales);
        }
    }

    private CliRun startProject(String... args) {
        Map<String, String> env = Map.of(
                "CHAINLINE_STATE_DIR",
                dir.resolve("state").toString(),
                "CHAINLINE_STORE_ROOT",
                dir.resolve("data").toUri().toString());
        List<String> command = new ArrayList<>(List.of(
                "--json",
                "--set",
                "chainline.export.duckdb-path=" + warehouseFile(),
                "--set",
                "chainline.spark.master=local[2]",
                "start-project",
                "--fresh",
                "--seed",
                "7"));
        command.addAll(List.of(args));
        return CliRun.run(env, command.toArray(String[]::new));
    }

    private static JsonNode succeeded(CliRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("status").asText()).isEqualTo("SUCCEEDED");
        return report;
    }

    private static JsonNode stage(JsonNode report, String name) {
        for (JsonNode stage : report.path("stages")) {
            if (stage.path("stage").asText().equals(name)) {
                return stage;
            }
        }
        throw new AssertionError(
                "no stage " + name + " in " + report.path("stages").findValuesAsText("stage"));
    }

    private static String checkDetail(JsonNode stage, String check) {
        for (JsonNode node : stage.path("checks")) {
            if (node.path("name").asText().equals(check)) {
                return node.path("detail").asText();
            }
        }
        throw new AssertionError("no check " + check);
    }

    private Path reportFile(JsonNode report, String extension) {
        return dir.resolve("state/reports/run-" + report.path("runId").asText() + extension);
    }

    private SilverManifest manifest() {
        try (LocalBlobStore store = new LocalBlobStore(dir.resolve("data"))) {
            return SilverManifest.read(store).orElseThrow();
        }
    }

    private Path warehouseFile() {
        return dir.resolve("warehouse.duckdb");
    }

    private Connection warehouse() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + warehouseFile(), properties);
    }

    private Map<String, Long> warehouseCounts(SilverManifest manifest) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection warehouse = warehouse()) {
            for (ManifestTable table : manifest.tables()) {
                counts.put(table.name(), count(warehouse, "SELECT count(*) FROM " + table.name()));
            }
        }
        return counts;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The sales of every order item in the warehouse's fact table, scaled as silver stores them. */
    private static Map<Long, BigDecimal> salesByItem(Connection connection) throws SQLException {
        Map<Long, BigDecimal> sales = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT order_item_id, sales FROM fact_order")) {
            while (rows.next()) {
                sales.put(rows.getLong(1), rows.getBigDecimal(2).setScale(IcebergReader.SCALE));
            }
        }
        return sales;
    }

    private static Set<String> strings(Connection connection, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** The sample has no quoted fields (see its README), so a line splits at every comma. */
    private static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        return lines.subList(1, lines.size()).stream()
                .map(line -> {
                    String[] values = line.split(",", -1);
                    Map<String, String> row = new HashMap<>();
                    for (int i = 0; i < header.length; i++) {
                        row.put(header[i], values[i].strip());
                    }
                    return row;
                })
                .toList();
    }

    private static long distinct(List<Map<String, String>> rows, Function<Map<String, String>, String> value) {
        return rows.stream().map(value).distinct().count();
    }

    private static Set<String> values(List<Map<String, String>> rows, Function<Map<String, String>, String> value) {
        return new HashSet<>(rows.stream().map(value).toList());
    }
}
