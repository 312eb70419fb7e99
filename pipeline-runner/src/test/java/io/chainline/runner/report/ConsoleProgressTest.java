package io.chainline.runner.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunStatus;
import io.chainline.core.stage.StageReport;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final StringWriter err = new StringWriter();

    private ConsoleProgress progress(boolean terminal) {
        return new ConsoleProgress(new PrintWriter(err), terminal, Duration.ofSeconds(10), now::get);
    }

    @Test
    void drawsABarWithCountTotalAndRateOnATerminalAndKeepsTheLastLineWhenTheStageEnds() {
        ConsoleProgress progress = progress(true);

        progress.stageStarted("stream-data");
        now.addAndGet(2 * SECOND);
        progress.progress("stream-data", 5_000, 10_000, "rows");
        now.addAndGet(SECOND / 10);
        progress.progress("stream-data", 6_000, 10_000, "rows");
        now.addAndGet(2 * SECOND);
        progress.progress("stream-data", 10_000, 10_000, "rows");
        progress.stageFinished(StageReport.builder("stream-data").build());

        String text = err.toString();
        assertThat(text)
                .contains("stream-data: [############------------] 5,000 / 10,000 rows ( 50%), 2,500 rows/s")
                .contains("stream-data: [########################] 10,000 / 10,000 rows (100%)")
                .doesNotContain("6,000")
                .contains("\u001b[1A")
                .endsWith(System.lineSeparator() + "\u001b[J");
    }

    @Test
    void parallelStagesEachGetTheirOwnLineRedrawnTogether() {
        ConsoleProgress progress = progress(true);

        progress.stageStarted("stream-data");
        progress.stageStarted("consume");
        now.addAndGet(SECOND);
        progress.progress("stream-data", 1_000, -1, "rows");
        now.addAndGet(SECOND);
        progress.progress("consume", 800, -1, "rows");
        String block = err.toString().substring(err.toString().lastIndexOf('\r'));
        progress.stageFinished(StageReport.builder("stream-data").build());
        progress.stageFinished(StageReport.builder("consume").build());

        // The last redraw moved up over the one bar drawn before and drew both stages, one per line.
        assertThat(err.toString()).contains("\u001b[1A\r");
        assertThat(block.split(System.lineSeparator())).hasSize(3);
        assertThat(block)
                .contains("stream-data: 1,000 rows, 500 rows/s" + System.lineSeparator())
                .contains("consume: 800 rows, 400 rows/s" + System.lineSeparator());
        assertThat(err.toString()).endsWith("consume: 800 rows, 400 rows/s" + System.lineSeparator() + "\u001b[J");
    }

    @Test
    void sparkStagesCountTasks() {
        ConsoleProgress progress = progress(true);

        progress.stageStarted("olap-transform");
        now.addAndGet(4 * SECOND);
        progress.progress("olap-transform", 30, 120, "tasks");

        assertThat(err.toString())
                .contains("olap-transform: [######------------------] 30 / 120 tasks ( 25%), " + "8 tasks/s");
    }

    @Test
    void withoutATerminalItWritesPlainLinesPerStageAtTheInterval() {
        ConsoleProgress progress = progress(false);

        progress.stageStarted("stream-data");
        progress.stageStarted("consume");
        now.addAndGet(5 * SECOND);
        progress.progress("stream-data", 50_000, 180_519, "rows");
        progress.progress("consume", 40_000, -1, "rows");
        now.addAndGet(5 * SECOND);
        progress.progress("stream-data", 100_000, 180_519, "rows");
        progress.progress("consume", 90_000, -1, "rows");
        now.addAndGet(SECOND);
        progress.progress("stream-data", 110_000, 180_519, "rows");
        now.addAndGet(9 * SECOND);
        progress.progress("consume", 170_000, -1, "rows");
        progress.stageFinished(StageReport.builder("stream-data").build());
        progress.stageFinished(StageReport.builder("consume").build());

        assertThat(err.toString().lines().toList())
                .containsExactly(
                        "stream-data: 100,000 / 180,519 rows ( 55%), 10,000 rows/s",
                        "consume: 90,000 rows, 9,000 rows/s", "consume: 170,000 rows, 8,500 rows/s");
    }

    @Test
    void aFastStageWithoutATerminalPrintsNothing() {
        ConsoleProgress progress = progress(false);

        progress.stageStarted("stream-data");
        now.addAndGet(SECOND);
        progress.progress("stream-data", 5_000, -1, "rows");
        progress.stageFinished(StageReport.builder("stream-data").build());

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theReportShowsCountsPartsAndWarnings() {
        StageReport stage = StageReport.builder("stream-data")
                .rowsIn(15)
                .rowsOut(10)
                .rowsRejected(5)
                .part(new PartReport("/data/a.csv", 15, 10, 5, ""))
                .warning("5 rows rejected")
                .build()
                .withTiming(java.time.Instant.parse("2026-11-25T12:00:00Z"), Duration.ofMillis(1500));
        RunReport report = new RunReport(
                "r1",
                "stream-data",
                RunStatus.SUCCEEDED,
                java.time.Instant.parse("2026-11-25T12:00:00Z"),
                Duration.ofMillis(1600),
                List.of(stage));
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);

        ReportPrinter.print(report, writer::println);
        writer.flush();

        assertThat(out.toString())
                .contains(
                        "Run r1 (stream-data): SUCCEEDED in 1.6 s",
                        "stream-data: SUCCEEDED in 1.5 s",
                        "rows: 15 read, 10 delivered, 5 rejected (10 rows/s)",
                        "/data/a.csv",
                        "warning: 5 rows rejected");
    }
}
