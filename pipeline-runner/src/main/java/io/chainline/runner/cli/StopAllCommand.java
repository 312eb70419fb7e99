package io.chainline.runner.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import io.chainline.runner.process.ServiceRegistry;
import io.chainline.runner.process.StopResult;

/** {@code chainline stop-all}: stops every registered service, newest first. */
@Command(name = "stop-all", description = "Stop every background service, newest first.")
final class StopAllCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT30S",
            description =
                    "How long a service may take to stop before it is killed (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        CliOutput output = root.environment().output();
        Map<String, StopResult> results = root.environment()
                .injector(root.options())
                .getInstance(ServiceRegistry.class)
                .stopAll(timeout);
        if (root.options().json()) {
            output.json(results);
        } else if (results.isEmpty()) {
            output.message("No services were registered.");
        } else {
            results.forEach((name, result) -> output.message(StopServiceCommand.describe(name, result)));
        }
        return 0;
    }
}
