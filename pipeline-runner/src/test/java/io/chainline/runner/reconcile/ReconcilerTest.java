package io.chainline.runner.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunState;
import io.chainline.core.stage.RunStatus;
import io.chainline.core.stage.StageReport;
import io.chainline.core.stage.StageStatus;
import io.chainline.sinks.postgres.BronzeRowCounter;
import io.chainline.sinks.postgres.PostgresSinkSettings;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void ingestCountsThatAddUpPass() {
        StageReport report = reconcile(List.of(new IngestHop()), ingest(100, 97, 3));

        assertThat(report.succeeded()).isTrue();
        assertThat(report.checks())
                .containsExactly(CheckResult.passed("reconciliation.ingest", "read 100 = sent 97 + rejected 3"));
    }

    @Test
    void everyHopThatDoesNotAddUpIsNamedInTheFailure() {
        Hop bronzeShort = (run, state) -> Optional.of(
                Counts.compare("reconciliation.bronze", "sent", 97, "bronze rows", 95, "at this run's offsets"));
        Hop rawEqual = (run, state) -> Optional.of(
                Counts.compare("reconciliation.raw", "sent", 97, "raw records", 97, "at this run's offsets"));

        StageReport report = reconcile(List.of(new IngestHop(), bronzeShort, rawEqual), ingest(100, 96, 3));

        assertThat(report.status()).isEqualTo(StageStatus.FAILED);
        assertThat(report.error())
                .startsWith("The counts of 2 hop(s) do not add up: ")
                .contains(
                        "reconciliation.ingest: rows read by stream-data do not add up: read 100 != sent 96 + rejected 3")
                .contains("reconciliation.bronze: sent 97 != bronze rows 95 at this run's offsets (2 missing)")
                .doesNotContain("reconciliation.raw");
        assertThat(report.checks())
                .extracting(CheckResult::status)
                .containsExactly(CheckResult.Status.FAILED, CheckResult.Status.FAILED, CheckResult.Status.PASSED);
    }

    @Test
    void hopsTheRunDidNotIncludeAreNotChecked() {
        StageReport report = reconcile(
                List.of(new IngestHop(), (run, state) -> Optional.empty()),
                new RunReport(
                        "r1", "start-batch-pipeline", RunStatus.SUCCEEDED, CLOCK.instant(), Duration.ZERO, List.of()));

        assertThat(report.succeeded()).isTrue();
        assertThat(report.checks()).isEmpty();
    }

    @Test
    void theBronzeAndRawHopsAreCheckedOnlyWhenTheConsumeWroteToTheirSinks() {
        StageReport consume = StageReport.builder("consume")
                .part(new PartReport("my-sink", 10, 10, 0, ""))
                .build();
        RunReport run = new RunReport(
                "r1",
                "start-streaming-pipeline",
                RunStatus.SUCCEEDED,
                CLOCK.instant(),
                Duration.ZERO,
                List.of(consume));
        BronzeHop bronze = new BronzeHop(
                () -> {
                    throw new AssertionError("no postgres sink ran: the bronze table is not read");
                },
                new BronzeRowCounter(new PostgresSinkSettings("raw", "supply_chain_data")));
        RawHop raw = new RawHop(() -> {
            throw new AssertionError("no raw sink ran: the raw files are not read");
        });

        StageReport report = reconcile(List.of(new IngestHop(), bronze, raw), run);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.checks()).isEmpty();
    }

    @Test
    void moreRowsDownstreamThanSentAreAMismatchToo() {
        assertThat(Counts.compare("reconciliation.raw", "sent", 10, "raw records", 12, "here")
                        .detail())
                .isEqualTo("sent 10 != raw records 12 here (2 more)");
    }

    private static StageReport reconcile(List<Hop> hops, RunReport run) {
        return new Reconciler(hops, CLOCK).reconcile(run, new RunState());
    }

    private static RunReport ingest(long read, long sent, long rejected) {
        StageReport ingest = StageReport.builder("stream-data")
                .rowsIn(read)
                .rowsOut(sent)
                .rowsRejected(rejected)
                .build();
        return new RunReport(
                "r1", "start-project", RunStatus.SUCCEEDED, CLOCK.instant(), Duration.ZERO, List.of(ingest));
    }
}
