package io.chainline.runner.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunStatus;
import io.chainline.core.stage.StageReport;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPrinterTest {
    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void aCompositeRunEndsWithASummaryOfEveryHopAndShowsItsReconciliation() {
        StageReport olap = StageReport.builder("olap-transform")
                .rowsIn(1_000)
                .rowsOut(990)
                .rowsRejected(10)
                .part(new PartReport("fact_order", 990, 990, 0, 52_000, Duration.ofMillis(2_500), ""))
                .check(CheckResult.passed("fact_order.unique-key", "990 keys"))
                .check(CheckResult.warned("fact_order.no-orphan", "3 rows point to no customer"))
                .build()
                .withTiming(START, Duration.ofSeconds(12));
        StageReport reconcile = StageReport.builder("reconcile")
                .check(CheckResult.passed(
                        "reconciliation.silver", "distinct order items conformed 990 = fact_order rows 990"))
                .build()
                .withTiming(START.plusSeconds(12), Duration.ofMillis(300));
        RunReport run = new RunReport(
                "r1",
                "start-batch-pipeline",
                RunStatus.SUCCEEDED,
                START,
                Duration.ofSeconds(13),
                List.of(olap, reconcile));
        List<String> lines = new ArrayList<>();

        ReportPrinter.print(run, lines::add);

        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .contains("fact_order")
                        .contains("52,000")
                        .contains("2.5"));
        assertThat(lines)
                .contains(
                        "  checks: 1 passed",
                        "  check WARNED fact_order.no-orphan: 3 rows point to no customer",
                        "  check PASSED reconciliation.silver: distinct order items conformed 990 = fact_order rows 990");
        int summary = lines.indexOf("Summary");
        assertThat(summary).isPositive();
        assertThat(lines.subList(summary + 1, lines.size())).hasSize(3);
        assertThat(lines.get(summary + 1)).contains("STAGE", "STATUS", "READ", "DELIVERED", "REJECTED", "SECONDS");
        assertThat(lines.get(summary + 2))
                .contains("olap-transform", "SUCCEEDED", "1,000", "990", "10", "12.0", "2/2 ok");
        assertThat(lines.get(summary + 3)).contains("reconcile", "SUCCEEDED", "0.3", "1/1 ok");
    }
}
