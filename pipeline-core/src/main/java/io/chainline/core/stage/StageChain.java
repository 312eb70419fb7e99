package io.chainline.core.stage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ConfigException;

import static java.util.Objects.requireNonNull;

/**
 * Stages run one after the other. The chain stops at the first failure: the failing stage's report carries its
 * message and every later stage is reported as skipped, so a report always lists the whole chain.
 *
 * <pre>{@code
 * RunReport report = StageChain.of(ingest, consume, transform).run(RunContext.of(config));
 * }</pre>
 */
public final class StageChain {
    private static final Logger log = LoggerFactory.getLogger(StageChain.class);

    private final String name;
    private final List<Stage> stages;

    private StageChain(String name, List<Stage> stages) {
        this.name = requireNonNull(name, "name is null");
        this.stages = List.copyOf(stages);
        Set<String> seen = new HashSet<>();
        for (Stage stage : this.stages) {
            if (!seen.add(stage.name())) {
                throw new ConfigException("Stage chain '" + name + "' has two stages named '" + stage.name()
                        + "': stage names must be unique within a chain");
            }
        }
    }

    /** A chain named {@code chain} of the given stages, in order. */
    public static StageChain of(Stage... stages) {
        return named("chain", stages);
    }

    /** A chain with a name (the command that runs it, e.g. {@code start-batch-pipeline}). */
    public static StageChain named(String name, Stage... stages) {
        return new StageChain(name, List.of(stages));
    }

    /** A chain with a name made of a list of stages. */
    public static StageChain named(String name, List<? extends Stage> stages) {
        return new StageChain(name, new ArrayList<>(stages));
    }

    /** The chain's name. */
    public String name() {
        return name;
    }

    /** The stages in the order they run. */
    public List<Stage> stages() {
        return stages;
    }

    /** Runs the stages in order and reports what each did; never throws for a stage failure. */
    public RunReport run(RunContext context) {
        requireNonNull(context, "context is null");
        Instant started = context.clock().instant();
        List<StageReport> reports = new ArrayList<>(stages.size());
        RunStatus status = RunStatus.SUCCEEDED;
        for (Stage stage : stages) {
            if (status != RunStatus.SUCCEEDED) {
                reports.add(StageReport.skipped(stage.name(), skipReason(status, reports)));
                continue;
            }
            if (context.cancellation().isCancelled()) {
                status = RunStatus.CANCELLED;
                reports.add(StageReport.skipped(stage.name(), "run cancelled: " + context.cancellation().reason()));
                continue;
            }
            StageReport report = runOne(stage, context);
            reports.add(report);
            if (!report.succeeded()) {
                status = context.cancellation().isCancelled() ? RunStatus.CANCELLED : RunStatus.FAILED;
            }
        }
        Duration took = Duration.between(started, context.clock().instant());
        return new RunReport(context.runId(), name, status, started, took, reports);
    }

    private static StageReport runOne(Stage stage, RunContext context) {
        StageContext stageContext = context.forStage(stage);
        Instant started = context.clock().instant();
        context.progress().stageStarted(stage.name());
        StageReport report;
        try {
            StageReport returned = stage.run(stageContext);
            if (returned == null) {
                throw new IllegalStateException("stage '" + stage.name() + "' returned no report");
            }
            report = returned.withTiming(started, Duration.between(started, context.clock().instant()));
            log.info("Stage {} succeeded in {} ms: {} rows in, {} out, {} rejected", stage.name(),
                    report.duration().toMillis(), report.rowsIn(), report.rowsOut(), report.rowsRejected());
        } catch (RuntimeException e) {
            report = StageReport.failed(stage.name(), started,
                    Duration.between(started, context.clock().instant()), describe(e));
            log.error("Stage {} failed: {}", stage.name(), report.error(), e);
        }
        context.progress().stageFinished(report);
        return report;
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getName() : message;
    }

    private static String skipReason(RunStatus status, List<StageReport> reports) {
        if (status == RunStatus.CANCELLED) {
            return "run cancelled";
        }
        return reports.stream().filter(r -> r.status() == StageStatus.FAILED).findFirst()
                .map(r -> "stage '" + r.stage() + "' failed").orElse("an earlier stage failed");
    }
}
