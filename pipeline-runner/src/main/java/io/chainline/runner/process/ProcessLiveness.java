package io.chainline.runner.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Tells whether the process of a {@link ServiceRecord} is still the one that registered: the pid must exist and
 * have started when the record says (pids are recycled). On Linux the start is compared in clock ticks since boot,
 * exactly; elsewhere the start instants must agree within a second (the operating system reports them with limited
 * precision, and each JVM derives them from the boot time it read, which moves when the wall clock is stepped).
 */
final class ProcessLiveness {
    private static final Duration START_TOLERANCE = Duration.ofSeconds(1);

    private ProcessLiveness() {}

    static boolean isAlive(ServiceRecord record) {
        return liveHandle(record).isPresent();
    }

    static Optional<ProcessHandle> liveHandle(ServiceRecord record) {
        return ProcessHandle.of(record.pid())
                .filter(ProcessHandle::isAlive)
                .filter(handle -> startMatches(record, handle));
    }

    /** Why a record is stale, for log lines and messages. */
    static String describeStale(ServiceRecord record) {
        Optional<ProcessHandle> handle = ProcessHandle.of(record.pid()).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return "pid " + record.pid() + " is not running";
        }
        return "pid " + record.pid() + " now belongs to a process started at "
                + handle.get().info().startInstant().map(Instant::toString).orElse("an unknown time")
                + ", not at " + record.processStart();
    }

    private static boolean startMatches(ServiceRecord record, ProcessHandle handle) {
        OptionalLong ticks =
                record.processStartTicks() == null ? OptionalLong.empty() : ProcessStartTicks.of(handle.pid());
        if (ticks.isPresent()) {
            return ticks.getAsLong() == record.processStartTicks();
        }
        return startMatches(record.processStart(), handle.info().startInstant());
    }

    private static boolean startMatches(Instant recorded, Optional<Instant> actual) {
        if (recorded == null || actual.isEmpty()) {
            return true;
        }
        return Duration.between(recorded, actual.get()).abs().compareTo(START_TOLERANCE) <= 0;
    }
}
