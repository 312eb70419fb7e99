package io.chainline.core.stage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ConfigException;

import static java.util.Objects.requireNonNull;

/**
 * Stages run one after the other (the members of a {@link ParallelGroup} at the same time). The chain stops at the
 * first failure: the failing stage's report carries its message and every later stage is reported as skipped, so a
 * report always lists the whole chain.
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
        for (Stage stage : this.stages.stream().flatMap(StageChain::flatten).toList()) {
            if (!seen.add(stage.name())) {
                throw new ConfigException("Stage chain '" + name + "' has two stages named '" + stage.name()
                        + "': stage names must be unique within a chain");
            }
        }
    }

    private static Stream<Stage> flatten(Stage stage) {
        return stage instanceof ParallelGroup group ? group.members().stream() : Stream.of(stage);
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

    /** The stages in the order they run; a {@link ParallelGroup} is one entry. */
    public List<Stage> stages() {
        return stages;
    }

    /**
     * Runs the stages in order and reports what each did; never throws for a stage failure. The members of a
     * {@link ParallelGroup} run concurrently and are reported one by one, in the group's order.
     */
    public RunReport run(RunContext context) {
        requireNonNull(context, "context is null");
        Instant started = context.clock().instant();
        List<StageReport> reports = new ArrayList<>(stages.size());
        RunStatus status = RunStatus.SUCCEEDED;
        for (Stage stage : stages) {
            List<Stage> members = stage instanceof ParallelGroup group ? group.members() : List.of(stage);
            if (status != RunStatus.SUCCEEDED) {
                String why = skipReason(status, reports);
                members.forEach(member -> reports.add(StageReport.skipped(member.name(), why)));
                continue;
            }
            if (context.cancellation().isCancelled()) {
                status = RunStatus.CANCELLED;
                String why = "run cancelled: " + context.cancellation().reason();
                members.forEach(member -> reports.add(StageReport.skipped(member.name(), why)));
                continue;
            }
            List<StageReport> done = stage instanceof ParallelGroup group
                    ? runGroup(group, context)
                    : List.of(StageExecution.run(stage, context.forStage(stage)));
            reports.addAll(done);
            if (done.stream().anyMatch(report -> !report.succeeded())) {
                status = context.cancellation().isCancelled() ? RunStatus.CANCELLED : RunStatus.FAILED;
            }
        }
        Duration took = Duration.between(started, context.clock().instant());
        return new RunReport(context.runId(), name, status, started, took, reports);
    }

    private static List<StageReport> runGroup(ParallelGroup group, RunContext context) {
        Cancellation flag = context.cancellation().child();
        RunContext groupContext = context.withCancellation(flag);
        log.info(
                "Running {} concurrently: {}",
                group.name(),
                group.members().stream().map(Stage::name).toList());
        return group.runMembers(groupContext::forStage, flag);
    }

    private static String skipReason(RunStatus status, List<StageReport> reports) {
        if (status == RunStatus.CANCELLED) {
            return "run cancelled";
        }
        return reports.stream()
                .filter(r -> r.status() == StageStatus.FAILED)
                .findFirst()
                .map(r -> "stage '" + r.stage() + "' failed")
                .orElse("an earlier stage failed");
    }
}
