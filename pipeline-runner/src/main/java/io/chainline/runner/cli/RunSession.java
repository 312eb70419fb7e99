package io.chainline.runner.cli;

import java.util.function.Function;

import com.google.inject.Injector;
import com.typesafe.config.Config;

import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.stage.RunContext;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageChain;
import io.chainline.runner.report.ConsoleProgress;
import io.chainline.runner.report.ReportPrinter;

import static java.util.Objects.requireNonNull;

/**
 * One command's run: builds the injector, lets the command create its stages, runs them as a chain, prints the
 * report (JSON on stdout with {@code --json}, text on stderr otherwise) and closes every resource of the run.
 */
final class RunSession {

    private RunSession() {
    }

    /**
     * Runs the stages {@code stages} makes from the injector and the run context.
     *
     * @return the exit code: 0 when every stage succeeded, 1 otherwise
     */
    static int run(RootCommand root, String command, Function<StageFactoryContext, Stage[]> stages) {
        CommandEnvironment environment = root.environment();
        CliOutput output = environment.output();
        Injector injector = environment.injector(root.options());
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        RunReport report;
        try {
            RunContext context = RunContext.of(injector.getInstance(Config.class))
                    .withProgress(new ConsoleProgress(environment.errWriter(), System.console() != null));
            Stage[] chain = stages.apply(new StageFactoryContext(injector, context.runId()));
            report = StageChain.named(command, chain).run(context);
        } finally {
            lifecycle.close();
        }
        if (root.options().json()) {
            output.json(report);
        } else {
            ReportPrinter.print(report, output::message);
        }
        return report.succeeded() ? 0 : 1;
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
