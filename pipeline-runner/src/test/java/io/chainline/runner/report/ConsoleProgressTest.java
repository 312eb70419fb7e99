package io.chainline.runner.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunStatus;
import io.chainline.core.stage.StageReport;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleProgressTest {

    @Test
    void drawsOneLineInPlaceOnATerminalAndEndsItWithTheStage() {
        StringWriter err = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(err), true);

        progress.stageStarted("stream-data");
        progress.progress("stream-data", 5_000, 10_000, "rows");
        progress.progress("stream-data", 6_000, 10_000, "rows");
        progress.stageFinished(StageReport.builder("stream-data").build());

        assertThat(err.toString()).startsWith("\rstream-data: 5,000 / 10,000 ( 50%) rows, ")
                .contains(" rows/s").endsWith(System.lineSeparator()).doesNotContain("6,000");
    }

    @Test
    void staysSilentWithoutATerminal() {
        StringWriter err = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(err), false);

        progress.stageStarted("stream-data");
        progress.progress("stream-data", 5_000, -1, "rows");
        progress.stageFinished(StageReport.builder("stream-data").build());

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theReportShowsCountsPartsAndWarnings() {
        StageReport stage = StageReport.builder("stream-data").rowsIn(15).rowsOut(10).rowsRejected(5)
                .part(new PartReport("/data/a.csv", 15, 10, 5, "")).warning("5 rows rejected").build()
                .withTiming(java.time.Instant.parse("2026-11-25T12:00:00Z"), Duration.ofMillis(1500));
        RunReport report = new RunReport("r1", "stream-data", RunStatus.SUCCEEDED,
                java.time.Instant.parse("2026-11-25T12:00:00Z"), Duration.ofMillis(1600), List.of(stage));
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);

        ReportPrinter.print(report, writer::println);
        writer.flush();

        assertThat(out.toString()).contains("Run r1 (stream-data): SUCCEEDED in 1.6 s",
                "stream-data: SUCCEEDED in 1.5 s", "rows: 15 read, 10 delivered, 5 rejected (10 rows/s)",
                "/data/a.csv", "warning: 5 rows rejected");
    }
}
