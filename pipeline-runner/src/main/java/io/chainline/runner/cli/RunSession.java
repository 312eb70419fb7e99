package io.chainline.runner.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.google.inject.Injector;
import com.typesafe.config.Config;

import io.chainline.core.error.ErrorKind;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.stage.Cancellation;
import io.chainline.core.stage.RunContext;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunState;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageChain;
import io.chainline.core.state.StateDirectory;
import io.chainline.runner.reconcile.Reconciler;
import io.chainline.runner.report.ConsoleProgress;
import io.chainline.runner.report.RunReportFiles;
import io.chainline.runner.report.RunReportPublisher;

import static java.util.Objects.requireNonNull;

/**
 * One command's run: builds the injector, lets the command create its stages, runs them as a chain, closes every
 * resource of the run, prints the report (JSON on stdout with {@code --json}, text on stderr otherwise), writes it to
 * {@code <state-dir>/reports/run-<id>.json} and {@code .html} and ends with their paths on stderr. On
 * SIGTERM the run is cancelled and the JVM waits for it to flush, commit and close.
 */
final class RunSession {
    /** How long a SIGTERM waits for the run to flush, commit and close before the JVM exits. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private RunSession() {}

    /**
     * Runs the stages {@code stages} makes from the injector and the run context.
     *
     * @return the exit code: 0 when every stage succeeded, 2 when a stage failed on its configuration, 1 otherwise
     */
    static int run(RootCommand root, String command, Function<StageFactoryContext, Stage[]> stages) {
        return run(root, command, stages, false);
    }

    /**
     * Runs the stages like {@link #run(RootCommand, String, Function)}, then reconciles the counts of every hop the
     * run included ({@link Reconciler}); a mismatch fails the run.
     */
    static int runReconciled(RootCommand root, String command, Function<StageFactoryContext, Stage[]> stages) {
        return run(root, command, stages, true);
    }

    private static int run(
            RootCommand root, String command, Function<StageFactoryContext, Stage[]> stages, boolean reconcile) {
        CommandEnvironment environment = root.environment();
        CliOutput output = environment.output();
        Injector injector = environment.injector(root.options());
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        RunReport report;
        Clock clock = injector.getInstance(Clock.class);
        RunContext context = new RunContext(
                RunContext.newRunId(clock),
                injector.getInstance(Config.class),
                clock,
                new ConsoleProgress(environment.errWriter(), environment.terminal()),
                new Cancellation(),
                new RunState());
        CountDownLatch finished = new CountDownLatch(1);
        Thread stopOnSignal = new Thread(
                () -> {
                    context.cancellation().cancel("stopped by a signal");
                    try {
                        finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "chainline-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            Stage[] chain = stages.apply(new StageFactoryContext(injector, context.runId()));
            report = StageChain.named(command, chain).run(context);
            if (reconcile) {
                report = injector.getInstance(Reconciler.class).appendTo(report, context.state());
            }
        } finally {
            try {
                lifecycle.close();
            } finally {
                finished.countDown();
                removeHook(stopOnSignal);
            }
        }
        if (root.options().json()) {
            output.json(report);
        }
        new RunReportPublisher(new RunReportFiles(injector.getInstance(StateDirectory.class)), output::message)
                .publish(report, !root.options().json());
        environment.logFile().ifPresent(file -> output.message("Log: " + file));
        environment.reported(report);
        return exitCode(report);
    }

    /** 0 when every stage succeeded; a configuration error exits 2 wherever it was thrown, other failures 1. */
    static int exitCode(RunReport report) {
        if (report.succeeded()) {
            return 0;
        }
        return report.failureKind().filter(kind -> kind == ErrorKind.CONFIG).isPresent() ? 2 : 1;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping: the hook is running and waits for this run, which is what we want.
        }
    }

    /**
     * What a command builds its stages from.
     *
     * @param injector the run's injector
     * @param runId the run's id
     */
    record StageFactoryContext(Injector injector, String runId) {
        StageFactoryContext {
            requireNonNull(injector, "injector is null");
            requireNonNull(runId, "runId is null");
        }

        <T> T get(Class<T> type) {
            return injector.getInstance(type);
        }
    }
}
