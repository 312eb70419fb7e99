package io.chainline.runner.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.inject.Injector;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import io.chainline.core.state.StateDirectory;
import io.chainline.runner.Main;
import io.chainline.runner.process.ForegroundService;
import io.chainline.runner.process.JavaCommand;
import io.chainline.runner.process.LaunchSpec;
import io.chainline.runner.process.ReadinessProbe;
import io.chainline.runner.process.ServiceLauncher;
import io.chainline.runner.process.ServiceRecord;
import io.chainline.runner.process.ServiceRegistry;
import io.chainline.runner.services.EmbeddedService;

/**
 * {@code chainline start-<service>}: runs a local service as a detached background process that registers itself
 * in the service registry once ready; this command returns then. With {@code --foreground} the service runs in this
 * process until it is stopped. Its data lives in {@code <state-dir>/<service>} and survives a restart.
 */
abstract class StartServiceCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--foreground", description = "Run the service in this process until it is stopped.")
    boolean foreground;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "0",
            description = "The service's port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT120S",
            description = "How long to wait for the service to be ready (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    /** The registry name, e.g. {@code kafka}. */
    abstract String service();

    /** What people call it, e.g. {@code Kafka}. */
    abstract String title();

    /** Starts the service in this process, its data in {@code dataDir}. */
    abstract EmbeddedService startHere(Path dataDir, int port);

    /**
     * Makes a service that just started ready for clients, before it registers (so before {@code start-*} returns);
     * e.g. {@code start-kafka} creates Chainline's topics. Does nothing by default.
     */
    void prepare(Injector injector, EmbeddedService running) {}

    @Override
    public Integer call() {
        Injector injector = root.environment().injector(root.options());
        StateDirectory state = injector.getInstance(StateDirectory.class);
        ServiceRegistry registry = injector.getInstance(ServiceRegistry.class);
        Clock clock = injector.getInstance(Clock.class);
        Path logFile = state.logs().resolve(service() + ".log");
        Path dataDir = state.root().resolve(service());
        CliOutput output = root.environment().output();
        if (foreground) {
            EmbeddedService running = startHere(dataDir, port);
            try {
                prepare(injector, running);
            } catch (RuntimeException e) {
                closeQuietly(running, e);
                throw e;
            }
            output.message(title() + " is ready at " + running.address());
            ForegroundService.runUntilStopped(registry, service(), running.address(), logFile, running, clock);
            return 0;
        }
        ServiceRecord record;
        var existing = registry.find(service());
        if (existing.isPresent()) {
            record = existing.get();
            output.message(title() + " is already running at " + record.address() + " (pid " + record.pid() + ")");
        } else {
            // The child must use this state directory even when it came from ~ of this JVM (user.home).
            ChildConfiguration child = root.environment()
                    .childConfiguration(root.options(), List.of("chainline.state-dir=" + state.root()));
            List<String> args =
                    new ArrayList<>(List.of("start-" + service(), "--foreground", "--port", Integer.toString(port)));
            args.addAll(child.arguments());
            LaunchSpec spec = new LaunchSpec(
                    service(),
                    JavaCommand.forMainClass(Main.class.getName(), child.jvmOptions(), args),
                    Path.of("").toAbsolutePath(),
                    logFile,
                    child.environment(),
                    timeout);
            record = new ServiceLauncher(registry, clock).launch(spec, ReadinessProbe.registered(registry, service()));
            output.message(title() + " is ready at " + record.address() + " (pid " + record.pid() + ", data " + dataDir
                    + ", log " + record.logFile() + ")");
        }
        if (root.options().json()) {
            output.json(record);
        } else {
            output.result(record.address());
        }
        return 0;
    }

    private static void closeQuietly(EmbeddedService running, RuntimeException failure) {
        try {
            running.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
