package io.chainline.runner.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * Starts a service as a detached child process and waits until it is ready. The child runs in its own session
 * ({@code setsid}, when available), reads stdin from {@code /dev/null} and appends stdout and stderr to its log
 * file, so it outlives the launching process and its terminal.
 */
public final class ServiceLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);
    private static final long POLL_MILLIS = 100;
    private static final int LOG_TAIL_LINES = 20;
    private static final File DEV_NULL = new File("/dev/null");

    private final ServiceRegistry registry;
    private final Clock clock;

    /**
     * @param registry the registry the service appears in once ready
     * @param clock    the clock the ready timeout is measured with
     */
    public ServiceLauncher(ServiceRegistry registry, Clock clock) {
        this.registry = requireNonNull(registry, "registry is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Starts the service and polls {@code probe} every 100 ms until it is ready, the child exits, or
     * {@code spec.readyTimeout()} passes.
     *
     * @return the service's registry record; if the child did not register itself, one is registered for it
     *     with the probe's address
     * @throws ChainlineException if a live service of that name is already registered, the command cannot be
     *     started, the child exits before it is ready (the message holds the last lines of its log), or it is
     *     not ready in time (the child is then stopped)
     */
    public ServiceRecord launch(LaunchSpec spec, ReadinessProbe probe) {
        requireNonNull(spec, "spec is null");
        requireNonNull(probe, "probe is null");
        registry.find(spec.name()).ifPresent(running -> {
            throw new ChainlineException(ServiceRegistry.alreadyRunning(running));
        });
        Process process = start(spec);
        Instant deadline = clock.instant().plus(spec.readyTimeout());
        LOG.info(
                "Started service '{}' (pid {}); waiting up to {} until it is ready; log: {}",
                spec.name(),
                process.pid(),
                Durations.format(spec.readyTimeout()),
                spec.logFile());
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new ChainlineException("Service '" + spec.name() + "' exited with code "
                            + process.exitValue() + " before it was ready; last lines of " + spec.logFile() + ":\n"
                            + LogTail.lastLines(spec.logFile(), LOG_TAIL_LINES));
                }
                if (probe.isReady(process)) {
                    return recordOf(spec, process, probe);
                }
                if (!clock.instant().isBefore(deadline)) {
                    destroy(process, spec);
                    throw new ChainlineException("Service '" + spec.name() + "' (pid " + process.pid()
                            + ") was not ready within " + Durations.format(spec.readyTimeout())
                            + " and was stopped; see its log " + spec.logFile());
                }
                process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroy(process, spec);
            throw new ChainlineException(
                    "Interrupted while waiting for service '" + spec.name() + "' to become ready; it was stopped", e);
        } catch (RuntimeException e) {
            if (process.isAlive()) {
                destroy(process, spec);
            }
            throw e;
        }
    }

    private Process start(LaunchSpec spec) {
        List<String> command = detached(spec.command());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(spec).toFile()));
        if (DEV_NULL.exists()) {
            builder.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        }
        builder.environment().putAll(spec.environment());
        try {
            Process process = builder.start();
            if (!DEV_NULL.exists()) {
                process.getOutputStream().close();
            }
            return process;
        } catch (IOException e) {
            throw new ChainlineException(
                    "Cannot start service '" + spec.name() + "' with command " + command + " in "
                            + spec.workingDirectory() + ": " + e.getMessage(),
                    e);
        }
    }

    private ServiceRecord recordOf(LaunchSpec spec, Process process, ReadinessProbe probe) {
        Optional<ServiceRecord> registered = registry.find(spec.name()).filter(r -> r.pid() == process.pid());
        if (registered.isPresent()) {
            LOG.info(
                    "Service '{}' is ready at {} (pid {})",
                    spec.name(),
                    registered.get().address(),
                    process.pid());
            return registered.get();
        }
        String address = probe.address()
                .orElseThrow(() -> new ChainlineException("Service '" + spec.name()
                        + "' (pid " + process.pid() + ") is ready but did not register itself, and the readiness probe"
                        + " names no address to register it with"));
        ServiceRecord record = new ServiceRecord(
                spec.name(),
                process.pid(),
                address,
                spec.logFile(),
                clock.instant(),
                process.info().startInstant().orElse(null));
        registry.register(record);
        LOG.info("Service '{}' is ready at {} (pid {})", spec.name(), address, process.pid());
        return record;
    }

    private static void destroy(Process process, LaunchSpec spec) {
        try {
            ProcessTermination.terminate(process.toHandle(), spec.readyTimeout(), "Service '" + spec.name() + "'");
        } catch (ChainlineException e) {
            LOG.warn("Could not stop service '{}' (pid {})", spec.name(), process.pid(), e);
        }
    }

    private static Path logFile(LaunchSpec spec) {
        Path parent = spec.logFile().toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new ChainlineException(
                    "Cannot create the log directory " + parent + " of service '" + spec.name() + "': " + e, e);
        }
        return spec.logFile();
    }

    /** Prefixes {@code setsid} when an executable one is on the PATH, so the child gets its own session. */
    static List<String> detached(List<String> command) {
        Optional<Path> setsid = findOnPath("setsid", System.getenv("PATH"));
        if (setsid.isEmpty()) {
            return command;
        }
        List<String> detached = new ArrayList<>(command.size() + 1);
        detached.add(setsid.get().toString());
        detached.addAll(command);
        return detached;
    }

    static Optional<Path> findOnPath(String executable, String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, executable);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
