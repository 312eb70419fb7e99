package io.chainline.runner.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.google.inject.Injector;

import io.chainline.core.service.ForegroundService;
import io.chainline.core.service.JavaCommand;
import io.chainline.core.service.LaunchSpec;
import io.chainline.core.service.ReadinessProbe;
import io.chainline.core.service.ServiceLauncher;
import io.chainline.core.service.ServiceRecord;
import io.chainline.core.service.ServiceRegistry;
import io.chainline.core.service.StateDirectory;
import io.chainline.embedded.kafka.EmbeddedKafka;
import io.chainline.runner.Main;
import io.chainline.runner.services.ResolvedKafkaEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chainline start-kafka}: a single-node Kafka broker (KRaft) as a background service. Its data lives in
 * {@code <state-dir>/kafka} and survives a restart; other commands find it through the service registry.
 */
@Command(name = "start-kafka", description = "Start a local Kafka broker (KRaft) as a background service.")
final class StartKafkaCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--foreground", description = "Run the broker in this process until it is stopped.")
    boolean foreground;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "The broker's port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT120S",
            description = "How long to wait for the broker to be ready (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        Injector injector = root.environment().injector(root.options());
        StateDirectory state = injector.getInstance(StateDirectory.class);
        ServiceRegistry registry = injector.getInstance(ServiceRegistry.class);
        Clock clock = injector.getInstance(Clock.class);
        Path logFile = state.logs().resolve("kafka.log");
        String name = ResolvedKafkaEndpoint.SERVICE;
        if (foreground) {
            EmbeddedKafka kafka = EmbeddedKafka.start(state.root().resolve("kafka"), port);
            root.environment().output().message("Kafka is ready at " + kafka.bootstrapServers());
            ForegroundService.runUntilStopped(registry, name, kafka.bootstrapServers(), logFile, kafka, clock);
            return 0;
        }
        var running = registry.find(name);
        ServiceRecord service;
        if (running.isPresent()) {
            service = running.get();
            root.environment().output().message("Kafka is already running at " + service.address() + " (pid "
                    + service.pid() + ")");
        } else {
            List<String> args = new ArrayList<>(List.of("start-kafka", "--foreground", "--port", Integer.toString(port)));
            args.addAll(root.options().asArguments());
            // The child must use this state directory even when it came from a system property or ~ of this JVM.
            args.addAll(List.of("--set", "chainline.state-dir=" + state.root()));
            LaunchSpec spec = new LaunchSpec(name, JavaCommand.forMainClass(Main.class.getName(), args),
                    Path.of("").toAbsolutePath(), logFile, Map.of(), timeout);
            service = new ServiceLauncher(registry, clock).launch(spec, ReadinessProbe.registered(registry, name));
            root.environment().output().message("Kafka is ready at " + service.address() + " (pid " + service.pid()
                    + ", data " + state.root().resolve("kafka") + ", log " + service.logFile() + ")");
        }
        if (root.options().json()) {
            root.environment().output().json(service);
        } else {
            root.environment().output().result(service.address());
        }
        return 0;
    }
}
