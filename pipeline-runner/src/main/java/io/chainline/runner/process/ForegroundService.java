package io.chainline.runner.process;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The service side of a background service: registers the current process in the registry, keeps it running
 * until it is asked to stop, then closes the service and removes its own record.
 * {@link #runUntilStopped} is what a {@code start-* --foreground} command calls.
 */
public final class ForegroundService {
    private static final Logger LOG = LoggerFactory.getLogger(ForegroundService.class);

    private final ServiceRegistry registry;
    private final String name;
    private final String address;
    private final Path logFile;
    private final AutoCloseable service;
    private final Clock clock;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param registry the registry to appear in
     * @param name     the service name
     * @param address  where clients reach the service
     * @param logFile  the file the service logs to
     * @param service  the running service; closed on stop
     * @param clock    the clock for the registration time
     */
    public ForegroundService(
            ServiceRegistry registry, String name, String address, Path logFile, AutoCloseable service, Clock clock) {
        this.registry = requireNonNull(registry, "registry is null");
        this.name = ServiceNames.requireValid(name);
        this.address = requireNonNull(address, "address is null");
        this.logFile = requireNonNull(logFile, "logFile is null");
        this.service = requireNonNull(service, "service is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Registers the current process, closes {@code service} and removes the record when the JVM is asked to stop
     * (SIGTERM, Ctrl-C), and blocks until then. If registering fails, the service is closed and the failure
     * rethrown.
     */
    public static void runUntilStopped(
            ServiceRegistry registry, String name, String address, Path logFile, AutoCloseable service, Clock clock) {
        ForegroundService foreground = new ForegroundService(registry, name, address, logFile, service, clock);
        try {
            foreground.register();
        } catch (RuntimeException e) {
            foreground.close();
            throw e;
        }
        Thread hook = new Thread(foreground::close, "chainline-stop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            foreground.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                foreground.close();
            } catch (IllegalStateException shutdownInProgress) {
                // The JVM is exiting; the hook closes the service.
            }
        }
    }

    /** Registers the current process under this service's name. */
    public ServiceRecord register() {
        ProcessHandle self = ProcessHandle.current();
        ServiceRecord record = new ServiceRecord(
                name,
                self.pid(),
                address,
                logFile,
                clock.instant(),
                self.info().startInstant().orElse(null),
                ProcessStartTicks.of(self.pid()).stream().boxed().findFirst().orElse(null));
        registry.register(record);
        LOG.info("Service '{}' is running at {} (pid {})", name, address, self.pid());
        return record;
    }

    /** Releases {@link #awaitStop()}. */
    public void requestStop() {
        stopRequested.countDown();
    }

    /** Blocks until {@link #requestStop()} or {@link #close()} is called. */
    public void awaitStop() throws InterruptedException {
        stopRequested.await();
    }

    /**
     * Blocks until a stop is requested or {@code timeout} passes.
     *
     * @return whether a stop was requested
     */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopRequested.await(requireNonNull(timeout, "timeout is null").toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Closes the service and removes this process's record (not a newer instance's), then releases
     * {@link #awaitStop()}. Only the first call acts; failures are logged, since this runs during JVM shutdown.
     */
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            service.close();
            LOG.info("Service '{}' stopped", name);
        } catch (Exception e) {
            LOG.warn("Closing service '{}' failed", name, e);
        }
        try {
            registry.removeIfOwnedBy(name, ProcessHandle.current().pid());
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the registry record of service '{}'", name, e);
        }
        stopRequested.countDown();
    }
}
