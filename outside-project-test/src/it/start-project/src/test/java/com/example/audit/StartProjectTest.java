package com.example.audit;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageChain;
import io.chainline.core.stage.StageReport;
import io.chainline.runner.Chainline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Chainline in this project's JVM: the whole flow on embedded services, and a chain with a stage of our own. */
class StartProjectTest {

    @TempDir
    Path work;

    private Chainline chainline(StringWriter messages) {
        Config config = ConfigFactory.parseMap(Map.of(
                "chainline.state-dir", work.resolve("state").toString(),
                "chainline.store.root", work.resolve("data").toUri().toString(),
                "chainline.export.duckdb-path", work.resolve("data/warehouse.duckdb").toString()));
        return Chainline.builder().config(config).err(messages).build();
    }

    @Test
    void startProjectRunsTheWholeFlowOnGeneratedRows() {
        StringWriter messages = new StringWriter();
        RunReport report;
        try (Chainline chainline = chainline(messages)) {
            report = chainline.run("start-project", "--rows", "3000");
        }

        assertThat(report.succeeded()).as(messages.toString()).isTrue();
        assertThat(report.stages()).extracting(StageReport::stage).contains("stream-data", "consume",
                "olap-transform", "gcs-to-bigquery", "reconcile");
        StageReport reconcile = report.stage("reconcile").orElseThrow();
        assertThat(reconcile.checks()).hasSize(5).allMatch(check -> check.status() == CheckResult.Status.PASSED);
        assertThat(report.stage("stream-data").orElseThrow().rowsOut()).isEqualTo(3000);
        assertThat(report.stage("consume").orElseThrow().rowsOut()).isEqualTo(3000);
    }

    @Test
    void aChainWithAStageOfOurOwnRuns() {
        StringWriter messages = new StringWriter();
        RunReport report;
        try (Chainline chainline = chainline(messages)) {
            report = chainline.run(StageChain.named("audit", new OrderCountStage(2_000)));
        }

        assertThat(report.succeeded()).as(messages.toString()).isTrue();
        StageReport audit = report.stage("order-count").orElseThrow();
        assertThat(audit.rowsIn()).isEqualTo(2_000);
        assertThat(audit.counters().get("orders")).isBetween(1L, 2_000L);
    }
}
