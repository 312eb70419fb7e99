package io.chainline.export.stage;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunContext;
import io.chainline.core.stage.StageContext;
import io.chainline.core.stage.StageReport;
import io.chainline.core.store.LocalBlobStore;
import io.chainline.core.store.WriteCondition;
import io.chainline.export.spi.ExportResult;
import io.chainline.export.spi.TableExport;
import io.chainline.export.spi.WarehouseExporter;
import io.chainline.testkit.TestConfigs;
import io.chainline.testkit.TestStageContexts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportStageTest {
    private static final SilverManifest MANIFEST = new SilverManifest(
            SilverManifest.FORMAT_VERSION,
            "run-7",
            Instant.parse("2026-11-25T11:00:00Z"),
            List.of(
                    new ManifestTable(
                            "dim_customer",
                            "file:/s/dim_customer/run-7/",
                            List.of("file:/s/dim_customer/run-7/part-0.parquet"),
                            3,
                            List.of(),
                            List.of()),
                    new ManifestTable(
                            "fact_order",
                            "file:/s/fact_order/run-7/",
                            List.of("file:/s/fact_order/run-7/order_month=2017-01/part-0.parquet"),
                            5,
                            List.of(),
                            List.of("order_month"))),
            List.of());

    @TempDir
    Path root;

    private LocalBlobStore store;

    @BeforeEach
    void open() {
        store = new LocalBlobStore(root);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void publish() {
        store.write(SilverManifest.OBJECT_NAME, MANIFEST.toJson(), WriteCondition.always());
    }

    private static WarehouseExporter exporter(long customersLoaded) {
        return new WarehouseExporter() {
            @Override
            public ExportResult export(SilverManifest manifest, StageContext context) {
                assertThat(manifest).isEqualTo(MANIFEST);
                return new ExportResult(
                        "wh",
                        List.of(
                                new TableExport(
                                        "dim_customer", 3, customersLoaded, Duration.ofMillis(1500), "wh#dim_customer"),
                                new TableExport("fact_order", 5, 5, Duration.ofMillis(250), "wh#fact_order")),
                        List.of("loaded by the fake"));
            }
        };
    }

    @Test
    void reportsEveryTableWithItsRowsDurationAndVerification() {
        publish();
        ExportStage stage = new ExportStage("fake", exporter(3), () -> store);
        RunContext run = TestStageContexts.run(TestConfigs.load());

        StageReport report = stage.run(run.forStage(stage));

        assertThat(report.stage()).isEqualTo("gcs-to-bigquery");
        assertThat(report.rowsIn()).isEqualTo(8);
        assertThat(report.rowsOut()).isEqualTo(8);
        assertThat(report.outputs()).containsExactly("wh", "loaded by the fake");
        assertThat(report.counters()).containsEntry("tables", 2L);
        assertThat(report.parts())
                .containsExactly(
                        new PartReport(
                                "dim_customer",
                                3,
                                3,
                                0,
                                0,
                                Duration.ofMillis(1500),
                                "verified in 1.5 s -> wh#dim_customer"),
                        new PartReport(
                                "fact_order",
                                5,
                                5,
                                0,
                                0,
                                Duration.ofMillis(250),
                                "verified in 0.3 s -> wh#fact_order"));
        assertThat(report.checks())
                .containsExactly(
                        CheckResult.passed("dim_customer.rows-verified", "manifest 3 rows, warehouse 3 rows"),
                        CheckResult.passed("fact_order.rows-verified", "manifest 5 rows, warehouse 5 rows"));
        assertThat(run.state().get(ExportStage.RESULT))
                .hasValueSatisfying(result -> assertThat(result.destination()).isEqualTo("wh"));
    }

    @Test
    void aTableWhoseCountDiffersFailsTheStageEvenWhenTheExporterReturned() {
        publish();
        ExportStage stage = new ExportStage("fake", exporter(2), () -> store);

        assertThatThrownBy(() -> stage.run(TestStageContexts.forStage(stage, TestConfigs.load())))
                .isInstanceOf(DataQualityException.class)
                .hasMessage("The fake export of silver version run-7 is incomplete: row counts differ for"
                        + " [dim_customer (manifest 3 rows, warehouse 2 rows)]");
    }

    @Test
    void withoutAPublishedVersionItSaysWhatToRunFirst() {
        ExportStage stage = new ExportStage("fake", exporter(3), () -> store);

        assertThatThrownBy(() -> stage.run(TestStageContexts.forStage(stage, TestConfigs.load())))
                .isInstanceOf(ChainlineException.class)
                .hasMessage("No silver version is published at " + store.uriOf(SilverManifest.OBJECT_NAME)
                        + ": run chainline olap-transformation-pipeline first");
    }
}
