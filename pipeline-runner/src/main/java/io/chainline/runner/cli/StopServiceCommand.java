package io.chainline.runner.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import io.chainline.runner.process.ServiceRegistry;
import io.chainline.runner.process.StopResult;

/**
 * {@code chainline stop-<service>}: stops one background service. Registered once per service name, e.g.
 * {@code stop-kafka}; stopping a service that does not run is not an error. The services that run alongside it
 * ({@link CommandCatalog#COMPANIONS}, e.g. the Spark worker) are stopped first.
 */
@Command(description = "Stop one background service.")
final class StopServiceCommand implements Callable<Integer> {
    private final String service;

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT30S",
            description =
                    "How long the service may take to stop before it is killed (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    StopServiceCommand(String service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        CliOutput output = root.environment().output();
        ServiceRegistry registry = root.environment().injector(root.options()).getInstance(ServiceRegistry.class);
        Map<String, StopResult> results = new LinkedHashMap<>();
        for (String companion : CommandCatalog.COMPANIONS.getOrDefault(service, List.of())) {
            StopResult result = registry.stop(companion, timeout);
            if (result != StopResult.NOT_RUNNING) {
                results.put(companion, result);
            }
        }
        results.put(service, registry.stop(service, timeout));
        if (root.options().json()) {
            output.json(results);
        } else {
            results.forEach((name, result) -> output.message(describe(name, result)));
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
