package io.chainline.runner.services;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.launcher.JavaModuleOptions;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;
import io.chainline.core.state.StateDirectory;
import io.chainline.runner.process.JavaCommand;
import io.chainline.runner.process.LaunchSpec;
import io.chainline.runner.process.ReadinessProbe;
import io.chainline.runner.process.ServiceLauncher;
import io.chainline.runner.process.ServiceRecord;
import io.chainline.runner.process.ServiceRegistry;
import io.chainline.runner.process.StopResult;

import static java.util.Objects.requireNonNull;

/**
 * A local Spark standalone cluster: one master (service {@value #MASTER}, address {@code spark://127.0.0.1:<port>})
 * and one worker (service {@value #WORKER}), each a detached JVM on this process's class path, with
 * {@code SPARK_HOME} laid out under {@code <state-dir>/spark/home} (see {@link SparkHome}), executors working in
 * {@code <state-dir>/spark/work} and logs in {@code <state-dir>/logs/}. Where it listens is kept in
 * {@code <state-dir>/spark/cluster.json}.
 */
public final class LocalSparkCluster {
    /** The registry name of the master; its address is the master URL. */
    public static final String MASTER = "spark";
    /** The registry name of the worker. */
    public static final String WORKER = "spark-worker";

    private static final String HOST = "127.0.0.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceRegistry registry;
    private final StateDirectory state;
    private final Clock clock;

    /**
     * @param registry where master and worker are registered
     * @param state the state directory that holds SPARK_HOME, the work folder and the logs
     * @param clock the clock readiness timeouts are measured with
     */
    public LocalSparkCluster(ServiceRegistry registry, StateDirectory state, Clock clock) {
        this.registry = requireNonNull(registry, "registry is null");
        this.state = requireNonNull(state, "state is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * How to start the cluster.
     *
     * @param masterPort the master's port, 0 for a free one
     * @param webUiPort the master's web UI port, 0 for a free one
     * @param cores the cores the worker offers
     * @param memory the memory the worker offers to executors, e.g. {@code 2g}
     * @param timeout how long each of master and worker may take to be ready
     */
    public record Options(int masterPort, int webUiPort, int cores, String memory, Duration timeout) {
        public Options {
            requireNonNull(memory, "memory is null");
            requireNonNull(timeout, "timeout is null");
            if (cores < 1) {
                throw new ConfigException("Invalid value " + cores + " for '--cores': must be >= 1");
            }
            if (!memory.matches("\\d+[mMgG]")) {
                throw new ConfigException("Invalid value '" + memory + "' for '--memory': must be like 512m or 2g");
            }
        }
    }

    /**
     * A started (or already running) cluster.
     *
     * @param info where it listens
     * @param master the master's registry record
     * @param worker the worker's registry record
     * @param alreadyRunning whether both were running before this call
     */
    public record Started(SparkClusterInfo info, ServiceRecord master, ServiceRecord worker, boolean alreadyRunning) {}

    /** The master URL of the running local cluster, if any. */
    public Optional<String> runningMaster() {
        return registry.find(MASTER).map(ServiceRecord::address);
    }

    /**
     * Starts master and worker and returns once the master lists the worker as ALIVE; returns the running cluster
     * when both already run. If the worker does not become ready, the master started here is stopped again.
     *
     * @throws ChainlineException when a service does not become ready in time or exits early (with its log tail)
     */
    public Started start(Options options) {
        requireNonNull(options, "options is null");
        Optional<ServiceRecord> runningMaster = registry.find(MASTER);
        Optional<ServiceRecord> runningWorker = registry.find(WORKER);
        Optional<SparkClusterInfo> known = readInfo();
        if (runningMaster.isPresent() && runningWorker.isPresent() && known.isPresent()) {
            return new Started(known.get(), runningMaster.get(), runningWorker.get(), true);
        }
        if (runningMaster.isPresent() || runningWorker.isPresent()) {
            stop(options.timeout());
        }
        SparkHome home = new SparkHome(state.root().resolve("spark").resolve("home"));
        home.prepare(System.getProperty("java.class.path"));
        Path work = directory(state.root().resolve("spark").resolve("work"));
        Map<String, String> environment =
                Map.of("SPARK_HOME", home.root().toString(), "SPARK_LOCAL_IP", HOST, "SPARK_SCALA_VERSION", "2.12");
        int masterPort = options.masterPort() == 0 ? freePort() : options.masterPort();
        int webUiPort = options.webUiPort() == 0 ? freePort() : options.webUiPort();
        int workerPort = freePort();
        int workerWebUiPort = freePort();
        SparkClusterInfo info = new SparkClusterInfo(
                "spark://" + HOST + ":" + masterPort,
                "http://" + HOST + ":" + webUiPort,
                HOST + ":" + workerPort,
                "http://" + HOST + ":" + workerWebUiPort);
        SparkMasterStatus status = new SparkMasterStatus(info.webUi());
        ServiceLauncher launcher = new ServiceLauncher(registry, clock);

        ServiceRecord master = launcher.launch(
                new LaunchSpec(
                        MASTER,
                        daemon(
                                "org.apache.spark.deploy.master.Master",
                                List.of(
                                        "--host",
                                        HOST,
                                        "--port",
                                        Integer.toString(masterPort),
                                        "--webui-port",
                                        Integer.toString(webUiPort))),
                        work,
                        state.logs().resolve(MASTER + ".log"),
                        environment,
                        options.timeout()),
                probe(status::alive, info.master()));
        writeInfo(info);
        try {
            ServiceRecord worker = launcher.launch(
                    new LaunchSpec(
                            WORKER,
                            daemon(
                                    "org.apache.spark.deploy.worker.Worker",
                                    List.of(
                                            info.master(),
                                            "--host",
                                            HOST,
                                            "--port",
                                            Integer.toString(workerPort),
                                            "--webui-port",
                                            Integer.toString(workerWebUiPort),
                                            "--cores",
                                            Integer.toString(options.cores()),
                                            "--memory",
                                            options.memory(),
                                            "--work-dir",
                                            work.toString())),
                            work,
                            state.logs().resolve(WORKER + ".log"),
                            environment,
                            options.timeout()),
                    probe(() -> status.hasAliveWorker(HOST, workerPort), info.worker()));
            return new Started(info, master, worker, false);
        } catch (RuntimeException e) {
            registry.stop(MASTER, options.timeout());
            throw e;
        }
    }

    /** Stops the worker, then the master; returns the result per service. */
    public Map<String, StopResult> stop(Duration timeout) {
        Map<String, StopResult> results = new LinkedHashMap<>();
        results.put(WORKER, registry.stop(WORKER, timeout));
        results.put(MASTER, registry.stop(MASTER, timeout));
        return results;
    }

    /** Where the cluster last started listens, if it was started. */
    public Optional<SparkClusterInfo> readInfo() {
        Path file = infoFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), SparkClusterInfo.class));
        } catch (IOException e) {
            throw new ChainlineException("Cannot read the Spark cluster file " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeInfo(SparkClusterInfo info) {
        try {
            state.writeAtomically(
                    infoFile(), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
        } catch (IOException e) {
            throw new ChainlineException("Cannot write the Spark cluster file " + infoFile() + ": " + e, e);
        }
    }

    private Path infoFile() {
        return state.root().resolve("spark").resolve("cluster.json");
    }

    /** A Spark daemon JVM: the module options Spark's own launcher passes, a small heap, this class path. */
    private static List<String> daemon(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(JavaCommand.forMainClass(mainClass, args));
        int classPath = command.indexOf("-cp") + 1;
        command.set(classPath, absolute(command.get(classPath)));
        List<String> options = new ArrayList<>(
                List.of(JavaModuleOptions.defaultModuleOptions().trim().split("\\s+")));
        options.add("-Xmx512m");
        command.addAll(1, options);
        return command;
    }

    /** A class path with every entry absolute, so that it holds in any working directory. */
    static String absolute(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static ReadinessProbe probe(BooleanSupplier ready, String address) {
        return new ReadinessProbe() {
            @Override
            public boolean isReady(Process process) {
                return ready.getAsBoolean();
            }

            @Override
            public Optional<String> address() {
                return Optional.of(address);
            }
        };
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ChainlineException("Cannot find a free port on " + HOST + ": " + e, e);
        }
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ChainlineException("Cannot create the folder " + dir + ": " + e, e);
        }
    }
}
