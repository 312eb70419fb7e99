package io.chainline.export.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageContext;
import io.chainline.export.spi.ExportResult;
import io.chainline.export.spi.TableExport;
import io.chainline.testkit.TestConfigs;
import io.chainline.testkit.TestStageContexts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The DuckDB exporter on real Parquet written by Spark. */
class DuckDbExporterIT {
    private static SparkSession spark;

    @TempDir
    Path dir;

    private DuckDbWarehouse warehouse;
    private SilverFixture silver;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .master("local[1]")
                .appName("duckdb-exporter-it")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "1")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @BeforeEach
    void open() {
        warehouse = DuckDbWarehouse.readWrite(dir.resolve("warehouse/warehouse.duckdb"));
        silver = new SilverFixture(spark, dir.resolve("store"));
    }

    @AfterEach
    void close() throws SQLException {
        warehouse.close();
    }

    private static StageContext context() {
        return TestStageContexts.forStage(Stage.of("gcs-to-bigquery", c -> null), TestConfigs.load());
    }

    private List<List<Object>> query(String sql) {
        return new WarehouseQuery(warehouse).run(sql, 100).rows();
    }

    private long count(String table) {
        return ((Number) query("SELECT count(*) FROM " + table).get(0).get(0)).longValue();
    }

    @Test
    void loadsEveryTableWithItsCountsAndTheFactJoinsItsDimensions() {
        ExportResult result = new DuckDbExporter(warehouse).export(silver.version("run-1", false), context());

        assertThat(result.destination()).isEqualTo(warehouse.file().toString());
        assertThat(result.tables())
                .extracting(TableExport::table)
                .containsExactly("dim_customer", "dim_product", "fact_order");
        assertThat(result.tables()).allMatch(TableExport::verified);
        assertThat(result.tables()).extracting(TableExport::loadedRows).containsExactly(3L, 2L, 5L);
        assertThat(count("dim_customer")).isEqualTo(3);
        assertThat(count("dim_product")).isEqualTo(2);
        assertThat(count("fact_order")).isEqualTo(5);
        assertThat(query("SELECT c.customer_city, p.product_name, count(*), sum(f.sales)"
                                + " FROM fact_order f JOIN dim_customer c ON f.order_customer_id = c.customer_id"
                                + " JOIN dim_product p ON f.product_card_id = p.product_card_id"
                                + " GROUP BY ALL ORDER BY 1 NULLS LAST, 2")
                        .stream()
                        .map(List::toString)
                        .toList())
                .containsExactly(
                        "[Caguas, Perfect Fitness Perfect Rip Deck, 1, 119.980000000]",
                        "[Caguas, Smart watch, 1, 327.750000000]",
                        "[Chicago, Perfect Fitness Perfect Rip Deck, 1, 59.990000000]",
                        "[Chicago, Smart watch, 1, 327.750000000]",
                        "[null, Perfect Fitness Perfect Rip Deck, 1, 179.970000000]");
        // Hive partitioning is off: the month column comes from the files, once, with its type.
        assertThat(query(
                                "SELECT column_name, data_type FROM information_schema.columns"
                                        + " WHERE table_name = 'fact_order' AND column_name IN ('order_month', 'sales') ORDER BY 1")
                        .stream()
                        .map(List::toString)
                        .toList())
                .containsExactly("[order_month, VARCHAR]", "[sales, DECIMAL(38,9)]");
    }

    @Test
    void aFailureMidExportLeavesThePreviousTablesIntact() throws Exception {
        DuckDbExporter exporter = new DuckDbExporter(warehouse);
        exporter.export(silver.version("run-1", false), context());
        SilverManifest next = silver.version("run-2", true);
        ManifestTable fact = next.tables().get(2);
        Files.delete(Path.of(java.net.URI.create(fact.uris().get(1))));

        assertThatThrownBy(() -> exporter.export(next, context()))
                .isInstanceOf(ChainlineException.class)
                .hasMessageStartingWith("Cannot load table fact_order into the local warehouse " + warehouse.file())
                .hasMessageEndingWith("; the warehouse keeps its previous tables");

        assertThat(count("dim_customer")).isEqualTo(3);
        assertThat(count("dim_product")).isEqualTo(2);
        assertThat(count("fact_order")).isEqualTo(5);
    }

    @Test
    void aCountThatDiffersFromTheManifestRollsBack() {
        DuckDbExporter exporter = new DuckDbExporter(warehouse);
        exporter.export(silver.version("run-1", false), context());
        SilverManifest next = silver.version("run-2", true);
        List<ManifestTable> tables = new ArrayList<>(next.tables());
        ManifestTable product = tables.get(1);
        tables.set(
                1,
                new ManifestTable(
                        product.name(),
                        product.location(),
                        product.uris(),
                        7,
                        product.columns(),
                        product.partitionColumns()));
        SilverManifest wrong =
                new SilverManifest(next.formatVersion(), next.runId(), next.createdAt(), tables, next.checks());

        assertThatThrownBy(() -> exporter.export(wrong, context()))
                .isInstanceOf(DataQualityException.class)
                .hasMessage("Table dim_product has 2 rows in the local warehouse, but the silver manifest of run run-2"
                        + " lists 7; the warehouse keeps its previous tables");
        assertThat(count("dim_customer")).isEqualTo(3);
    }

    @Test
    void aTableWithoutFilesIsLoadedEmptyWithItsColumnTypes() {
        SilverManifest empty = new SilverManifest(
                SilverManifest.FORMAT_VERSION,
                "run-4",
                java.time.Instant.EPOCH,
                List.of(new ManifestTable(
                        "fact_order",
                        "file:/silver/fact_order",
                        List.of(),
                        0,
                        List.of(
                                new io.chainline.core.manifest.ManifestColumn("order_item_id", "bigint", true),
                                new io.chainline.core.manifest.ManifestColumn("sales", "decimal(38,9)", true),
                                new io.chainline.core.manifest.ManifestColumn("order_date", "timestamp", true)),
                        List.of(),
                        42L,
                        "file:/silver/fact_order/metadata/v3.metadata.json")),
                List.of());

        ExportResult result = new DuckDbExporter(warehouse).export(empty, context());

        assertThat(result.tables())
                .singleElement()
                .satisfies(table -> assertThat(table.verified()).isTrue());
        assertThat(count("fact_order")).isZero();
        assertThat(query("SELECT column_name || ' ' || data_type FROM information_schema.columns"
                        + " WHERE table_name = 'fact_order' ORDER BY ordinal_position"))
                .containsExactly(
                        List.of("order_item_id BIGINT"),
                        List.of("sales DECIMAL(38,9)"),
                        List.of("order_date TIMESTAMP WITH TIME ZONE"));
    }

    @Test
    void filesOutsideThisMachineAreRefused() {
        SilverManifest remote = new SilverManifest(
                SilverManifest.FORMAT_VERSION,
                "run-3",
                java.time.Instant.EPOCH,
                List.of(new ManifestTable(
                        "dim_date",
                        "gs://bkt/silver/dim_date/run-3/",
                        List.of("gs://bkt/silver/dim_date/run-3/part-0.parquet"),
                        1,
                        List.of(),
                        List.of())),
                List.of());

        assertThatThrownBy(() -> new DuckDbExporter(warehouse).export(remote, context()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Table dim_date lists 'gs://bkt/silver/dim_date/run-3/part-0.parquet': the local warehouse"
                        + " reads local files only, so use --mode bigquery for a gs:// store or a local"
                        + " chainline.store.root");
    }
}
