package io.chainline.core.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.typesafe.config.Config;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;
import io.chainline.core.error.FailureDescription;

import static java.util.Objects.requireNonNull;

/**
 * Stages that run at the same time, each on its own thread, such as an ingest and the consumer draining what it
 * sends. In a {@link StageChain} every member still produces its own {@link StageReport} and progress; the group
 * fails when any member fails, and then the other members are asked to stop through their
 * {@link StageContext#cancellation()} (a flag of the group, so the rest of the run is not reported as cancelled).
 * The chain continues after the group only when every member succeeded.
 *
 * <pre>{@code
 * StageChain.named("start-project", ParallelGroup.of("ingest-and-consume", ingest, consume), transform, export);
 * }</pre>
 */
public final class ParallelGroup implements Stage {
    private final String name;
    private final List<Stage> members;

    private ParallelGroup(String name, List<Stage> members) {
        this.name = requireNonNull(name, "name is null");
        this.members = List.copyOf(members);
        if (this.members.size() < 2) {
            throw new ConfigException("Parallel group '" + name + "' has " + this.members.size()
                    + " stage(s): a group needs at least two");
        }
    }

    /** A group of stages that run concurrently. */
    public static ParallelGroup of(String name, Stage... members) {
        return new ParallelGroup(name, List.of(requireNonNull(members, "members is null")));
    }

    /** The group's name, used in logs and in the combined report of {@link #run(StageContext)}. */
    @Override
    public String name() {
        return name;
    }

    /** The stages of the group, in the order their reports are listed. */
    public List<Stage> members() {
        return members;
    }

    /**
     * Runs the group outside a chain: the members concurrently, and one combined report (rows and bytes summed,
     * parts, checks, outputs, warnings and counters merged).
     *
     * @throws ChainlineException naming the members that failed
     */
    @Override
    public StageReport run(StageContext context) {
        requireNonNull(context, "context is null");
        Cancellation flag = context.cancellation().child();
        List<StageReport> reports = runMembers(
                member -> new StageContext(
                        member.name(),
                        context.runId(),
                        slice(context.config(), member.configPath()),
                        context.clock(),
                        context.progress(),
                        flag,
                        context.state()),
                flag);
        List<String> failed = reports.stream()
                .filter(r -> r.status() == StageStatus.FAILED)
                .map(r -> r.stage() + ": " + r.error())
                .toList();
        if (!failed.isEmpty()) {
            throw new ChainlineException("Parallel group '" + name + "' failed: " + String.join("; ", failed));
        }
        return combine(reports);
    }

    /**
     * Runs every member on its own thread and waits for all of them. A failing member cancels {@code flag}, which
     * every member's context carries.
     */
    List<StageReport> runMembers(Function<Stage, StageContext> contexts, Cancellation flag) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(members.size(), task -> {
            Thread thread = new Thread(task, "chainline-" + name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<StageReport>> futures = new ArrayList<>();
            for (Stage member : members) {
                StageContext context = contexts.apply(member);
                futures.add(executor.submit(() -> runMember(member, context, flag)));
            }
            List<StageReport> reports = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                reports.add(await(futures.get(i), members.get(i), flag));
            }
            return reports;
        } finally {
            executor.shutdown();
        }
    }

    private static StageReport runMember(Stage member, StageContext context, Cancellation flag) {
        StageReport report = StageExecution.run(member, context);
        if (report.status() == StageStatus.FAILED) {
            flag.cancel("stage '" + member.name() + "' failed");
        } else if (flag.isCancelled()) {
            report = withWarning(report, "stopped early: " + flag.reason());
        }
        return report;
    }

    private static StageReport await(Future<StageReport> future, Stage member, Cancellation flag) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    // Members stop at their next safe point; their reports are still collected.
                    interrupted = true;
                    flag.cancel("interrupted");
                } catch (ExecutionException e) {
                    flag.cancel("stage '" + member.name() + "' failed");
                    throw new ChainlineException(
                            "Stage '" + member.name() + "' failed: " + FailureDescription.of(e.getCause()),
                            e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static StageReport withWarning(StageReport report, String warning) {
        List<String> warnings = new ArrayList<>(report.warnings());
        warnings.add(warning);
        return new StageReport(
                report.stage(),
                report.status(),
                report.startedAt(),
                report.duration(),
                report.rowsIn(),
                report.rowsOut(),
                report.rowsRejected(),
                report.bytes(),
                report.outputs(),
                report.checks(),
                warnings,
                report.counters(),
                report.parts(),
                report.error(),
                report.errorKind());
    }

    private StageReport combine(List<StageReport> reports) {
        StageReport.Builder combined = StageReport.builder(name);
        long rowsIn = 0;
        long rowsOut = 0;
        long rejected = 0;
        long bytes = 0;
        for (StageReport report : reports) {
            rowsIn += report.rowsIn();
            rowsOut += report.rowsOut();
            rejected += report.rowsRejected();
            bytes += report.bytes();
            report.outputs().forEach(combined::output);
            report.checks().forEach(combined::check);
            report.warnings().forEach(combined::warning);
            report.parts().forEach(combined::part);
            report.counters().forEach((key, value) -> combined.counter(report.stage() + "." + key, value));
        }
        return combined.rowsIn(rowsIn)
                .rowsOut(rowsOut)
                .rowsRejected(rejected)
                .bytes(bytes)
                .build();
    }

    /** The member's subtree, given the group's own ({@code chainline} unless the group says otherwise). */
    private Config slice(Config groupConfig, String memberPath) {
        String base = configPath();
        if (memberPath.equals(base)) {
            return groupConfig;
        }
        String relative = memberPath.startsWith(base + ".") ? memberPath.substring(base.length() + 1) : null;
        return relative != null && groupConfig.hasPath(relative)
                ? groupConfig.getConfig(relative)
                : groupConfig.withOnlyPath("_none_");
    }

    @Override
    public String toString() {
        return "ParallelGroup[" + name + ": "
                + members.stream().map(Stage::name).toList() + "]";
    }
}
