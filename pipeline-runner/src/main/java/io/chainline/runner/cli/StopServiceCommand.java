package io.chainline.runner.cli;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import io.chainline.core.service.ServiceRegistry;
import io.chainline.core.service.StopResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code chainline stop-<service>}: stops one background service. Registered once per service name, e.g.
 * {@code stop-kafka}; stopping a service that does not run is not an error.
 */
@Command(description = "Stop one background service.")
final class StopServiceCommand implements Callable<Integer> {
    private final String service;

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "How long the service may take to stop before it is killed (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    StopServiceCommand(String service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        CliOutput output = root.environment().output();
        StopResult result = root.environment().injector(root.options()).getInstance(ServiceRegistry.class)
                .stop(service, timeout);
        if (root.options().json()) {
            output.json(Map.of(service, result));
        } else {
            output.message(describe(service, result));
        }
        return 0;
    }

    static String describe(String service, StopResult result) {
        return switch (result) {
            case STOPPED -> service + ": stopped";
            case KILLED -> service + ": did not stop in time and was killed";
            case NOT_RUNNING -> service + ": was not running";
        };
    }
}
