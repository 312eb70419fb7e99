package io.chainline.runner.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.google.inject.Injector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import io.chainline.core.state.StateDirectory;
import io.chainline.runner.process.ServiceRegistry;
import io.chainline.runner.services.LocalSparkCluster;

/**
 * {@code chainline start-spark}: a local Spark standalone master and one worker, each a background service, with
 * executors started from the runner jar. Prints the master URL (stdout) and the web UI address (stderr). With
 * {@code --foreground} it stays until it is stopped and then stops both.
 */
@Command(name = "start-spark", description = "Start a local Spark standalone master and one worker in the background.")
final class StartSparkCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--foreground", description = "Stay until stopped (Ctrl-C, SIGTERM), then stop master and worker.")
    boolean foreground;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "0",
            description = "The master's port on 127.0.0.1 (default: a free one).")
    int port;

    @Option(
            names = "--webui-port",
            paramLabel = "PORT",
            defaultValue = "0",
            description = "The master's web UI port on 127.0.0.1 (default: a free one).")
    int webUiPort;

    @Option(names = "--cores", paramLabel = "N", description = "Cores the worker offers (default: every core).")
    Integer cores;

    @Option(
            names = "--memory",
            paramLabel = "SIZE",
            defaultValue = "2g",
            description = "Memory the worker offers to executors (default ${DEFAULT-VALUE}).")
    String memory;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "PT120S",
            description = "How long master and worker may each take to be ready (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        Injector injector = root.environment().injector(root.options());
        LocalSparkCluster cluster = new LocalSparkCluster(
                injector.getInstance(ServiceRegistry.class),
                injector.getInstance(StateDirectory.class),
                injector.getInstance(Clock.class));
        int workerCores = cores == null ? Runtime.getRuntime().availableProcessors() : cores;
        LocalSparkCluster.Started started =
                cluster.start(new LocalSparkCluster.Options(port, webUiPort, workerCores, memory, timeout));
        CliOutput output = root.environment().output();
        output.message("Spark " + (started.alreadyRunning() ? "is already running" : "is ready") + ": master "
                + started.info().master() + " (pid " + started.master().pid() + "), web UI "
                + started.info().webUi()
                + "; worker " + started.info().worker() + " (pid "
                + started.worker().pid() + "), web UI "
                + started.info().workerWebUi() + "; logs " + started.master().logFile() + ", "
                + started.worker().logFile());
        if (root.options().json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("cluster", started.info());
            json.put("master", started.master());
            json.put("worker", started.worker());
            output.json(json);
        } else {
            output.result(started.info().master());
        }
        if (foreground) {
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                cluster.stop(timeout);
                                stopped.countDown();
                            },
                            "chainline-stop-spark"));
            stopped.await();
        }
        return 0;
    }
}
