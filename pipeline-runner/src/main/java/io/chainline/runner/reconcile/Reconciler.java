package io.chainline.runner.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.google.inject.Inject;
import com.google.inject.Provider;

import io.chainline.core.postgres.PostgresEndpoint;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunState;
import io.chainline.core.stage.RunStatus;
import io.chainline.core.stage.StageReport;
import io.chainline.core.store.BlobStore;
import io.chainline.sinks.postgres.BronzeRowCounter;
import io.chainline.sinks.postgres.PostgresSinkSettings;
import io.chainline.sinks.raw.RawRecordCounter;
import io.chainline.sinks.raw.RawSinkSettings;

import static java.util.Objects.requireNonNull;

/**
 * Checks the counts of a composite run hop by hop, scoped to this run: the rows the ingest read are sent or rejected;
 * the rows it sent are in the bronze table and in the raw files at exactly the Kafka offsets this run produced; the
 * fact holds every distinct order item conformed; the warehouse holds every row of the manifest. Each equality is a
 * {@code reconciliation.<hop>} check of one {@code reconcile} stage report, which fails naming every hop that does not
 * add up. Hops the run did not include are not checked.
 */
public final class Reconciler {
    /** The name of the stage report the reconciliation adds to a run. */
    public static final String STAGE = "reconcile";

    private final List<Hop> hops;
    private final Clock clock;

    @Inject
    Reconciler(
            Provider<PostgresEndpoint> postgres,
            PostgresSinkSettings bronze,
            Provider<BlobStore> store,
            RawSinkSettings raw,
            Clock clock) {
        this(
                List.of(
                        new IngestHop(),
                        new BronzeHop(() -> postgres.get().connect(), new BronzeRowCounter(bronze)),
                        new RawHop(() -> new RawRecordCounter(store.get(), raw.prefix())),
                        new SilverHop(),
                        new WarehouseHop()),
                clock);
    }

    Reconciler(List<Hop> hops, Clock clock) {
        this.hops = List.copyOf(hops);
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * The run's report with the {@code reconcile} stage appended: run when every stage succeeded (a mismatch then
     * fails the run), skipped otherwise.
     */
    public RunReport appendTo(RunReport report, RunState state) {
        requireNonNull(report, "report is null");
        StageReport reconciled = report.succeeded()
                ? reconcile(report, state)
                : StageReport.skipped(STAGE, "the run did not succeed: nothing to reconcile");
        List<StageReport> stages = new ArrayList<>(report.stages());
        stages.add(reconciled);
        RunStatus status = report.succeeded() && !reconciled.succeeded() ? RunStatus.FAILED : report.status();
        return new RunReport(
                report.runId(),
                report.command(),
                status,
                report.startedAt(),
                report.duration().plus(reconciled.duration()),
                stages);
    }

    /**
     * Reconciles a finished run.
     *
     * @param report what the run's stages reported
     * @param state what they left for later stages (the offsets produced, the manifest, the export result)
     * @return the {@code reconcile} stage report: succeeded when every hop adds up, failed naming the hops otherwise
     */
    public StageReport reconcile(RunReport report, RunState state) {
        requireNonNull(report, "report is null");
        requireNonNull(state, "state is null");
        Instant started = clock.instant();
        StageReport.Builder result = StageReport.builder(STAGE);
        List<String> mismatches = new ArrayList<>();
        for (Hop hop : hops) {
            hop.check(report, state).ifPresent(check -> {
                result.check(check);
                if (check.status() == CheckResult.Status.FAILED) {
                    mismatches.add(check.name() + ": " + check.detail());
                }
            });
        }
        Duration took = Duration.between(started, clock.instant());
        if (!mismatches.isEmpty()) {
            return result.build()
                    .withTiming(started, took)
                    .failedWith("The counts of " + mismatches.size() + " hop(s) do not add up: "
                            + String.join("; ", mismatches));
        }
        return result.build().withTiming(started, took);
    }
}
