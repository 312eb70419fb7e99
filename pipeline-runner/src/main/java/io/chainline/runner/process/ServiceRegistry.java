package io.chainline.runner.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.state.StateDirectory;

import static java.util.Objects.requireNonNull;

/**
 * The registry of background services under {@code <state-dir>/services}: one JSON file per service, written
 * atomically. A record is <em>live</em> while its pid runs and that process started when the record says
 * (pids are recycled); otherwise it is <em>stale</em>. Several processes may use the same registry; registering
 * checks for a live holder of the name first, but the check and the write are not one atomic step.
 */
public final class ServiceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistry.class);

    private final ServiceRecordFiles files;
    private final Clock clock;

    /**
     * @param dir   the state directory holding the registry
     * @param clock the clock uptimes are measured with
     */
    public ServiceRegistry(StateDirectory dir, Clock clock) {
        this.files = new ServiceRecordFiles(requireNonNull(dir, "dir is null"));
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Records a service, replacing a stale record of the same name.
     *
     * @throws ChainlineException if the name is invalid, or a live service of that name with another pid exists
     */
    public void register(ServiceRecord record) {
        requireNonNull(record, "record is null");
        ServiceNames.requireValid(record.name());
        Optional<ServiceRecord> existing = files.read(record.name());
        if (existing.isPresent() && existing.get().pid() != record.pid()) {
            if (ProcessLiveness.isAlive(existing.get())) {
                throw new ChainlineException(alreadyRunning(existing.get()));
            }
            LOG.info(
                    "Replacing the stale record of service '{}': {}",
                    record.name(),
                    ProcessLiveness.describeStale(existing.get()));
        }
        files.write(record);
        LOG.debug("Registered service '{}' (pid {}, {})", record.name(), record.pid(), record.address());
    }

    /**
     * The live record of a service. A stale record is removed (and logged at INFO).
     *
     * @throws ChainlineException if the name is invalid or the record file cannot be read
     */
    public Optional<ServiceRecord> find(String name) {
        ServiceNames.requireValid(name);
        Optional<ServiceRecord> record = files.read(name);
        if (record.isEmpty() || ProcessLiveness.isAlive(record.get())) {
            return record;
        }
        removeStale(record.get());
        return Optional.empty();
    }

    /** Every record, live or stale, sorted by name; removes nothing. */
    public List<ServiceStatus> list() {
        Instant now = clock.instant();
        return files.readAll().stream()
                .sorted(Comparator.comparing(ServiceRecord::name))
                .map(record -> status(record, now))
                .toList();
    }

    /** Removes every stale record; returns how many were removed. */
    public int pruneStale() {
        int removed = 0;
        for (ServiceRecord record : files.readAll()) {
            if (!ProcessLiveness.isAlive(record) && removeStale(record)) {
                removed++;
            }
        }
        return removed;
    }

    /** Removes the record of {@code name}, live or not; does nothing if there is none. */
    public void remove(String name) {
        files.delete(ServiceNames.requireValid(name));
    }

    /**
     * Removes the record of {@code name} only if it belongs to process {@code pid}, so a stopping service does
     * not remove the record of a newer instance.
     *
     * @return whether a record was removed
     */
    public boolean removeIfOwnedBy(String name, long pid) {
        ServiceNames.requireValid(name);
        Optional<ServiceRecord> record = files.read(name);
        return record.isPresent() && record.get().pid() == pid && files.delete(name);
    }

    /**
     * Stops a service: SIGTERM, up to {@code timeout} for it to exit, then SIGKILL and up to {@code timeout}
     * again. The record is removed.
     *
     * @return {@link StopResult#NOT_RUNNING} when no live record exists (a stale one is removed)
     * @throws ChainlineException if the process survives SIGKILL
     */
    public StopResult stop(String name, Duration timeout) {
        ServiceNames.requireValid(name);
        Durations.requirePositive(timeout, "timeout");
        Optional<ServiceRecord> record = files.read(name);
        if (record.isEmpty()) {
            return StopResult.NOT_RUNNING;
        }
        Optional<ProcessHandle> process = ProcessLiveness.liveHandle(record.get());
        if (process.isEmpty()) {
            removeStale(record.get());
            return StopResult.NOT_RUNNING;
        }
        StopResult result = ProcessTermination.terminate(process.get(), timeout, "Service '" + name + "'");
        removeIfOwnedBy(name, record.get().pid());
        LOG.info(
                "Service '{}' (pid {}) {}",
                name,
                record.get().pid(),
                result == StopResult.STOPPED ? "stopped" : "killed after " + Durations.format(timeout));
        return result;
    }

    /**
     * Stops every registered service, newest first (the reverse of start order), so services stop before the
     * services they depend on.
     *
     * @return the result per service name, in stop order
     * @throws ChainlineException after trying all, if any could not be stopped (the others' failures suppressed)
     */
    public Map<String, StopResult> stopAll(Duration timeout) {
        Durations.requirePositive(timeout, "timeout");
        List<ServiceRecord> newestFirst = files.readAll().stream()
                .sorted(Comparator.comparing(ServiceRecord::startedAt)
                        .reversed()
                        .thenComparing(ServiceRecord::name))
                .toList();
        Map<String, StopResult> results = new LinkedHashMap<>();
        ChainlineException failure = null;
        for (ServiceRecord record : newestFirst) {
            try {
                results.put(record.name(), stop(record.name(), timeout));
            } catch (ChainlineException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    static String alreadyRunning(ServiceRecord record) {
        return "Service '" + record.name() + "' is already running (pid " + record.pid() + ", " + record.address()
                + ")";
    }

    private boolean removeStale(ServiceRecord record) {
        boolean removed = removeIfOwnedBy(record.name(), record.pid());
        if (removed) {
            LOG.info(
                    "Removed the stale record of service '{}': {}",
                    record.name(),
                    ProcessLiveness.describeStale(record));
        }
        return removed;
    }

    private static ServiceStatus status(ServiceRecord record, Instant now) {
        boolean alive = ProcessLiveness.isAlive(record);
        Duration uptime = alive ? Duration.between(record.startedAt(), now) : Duration.ZERO;
        return new ServiceStatus(record, alive, uptime.isNegative() ? Duration.ZERO : uptime);
    }
}
