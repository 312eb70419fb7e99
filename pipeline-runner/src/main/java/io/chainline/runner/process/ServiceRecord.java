package io.chainline.runner.process;

import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import static java.util.Objects.requireNonNull;

/**
 * A registered background service, as stored in {@code services/<name>.json} of the state directory.
 *
 * @param name         the service name, e.g. {@code kafka}
 * @param pid          the operating-system process id of the service
 * @param address      where clients reach it, e.g. {@code 127.0.0.1:9092}
 * @param logFile      the file its output goes to
 * @param startedAt    when it registered
 * @param processStart when the operating system started process {@code pid}, used to tell the service from a
 *                     later process that reuses the pid; {@code null} when the operating system does not tell
 * @param processStartTicks the same on Linux in clock ticks since boot, which stays exact when the wall clock is
 *                     stepped between two JVMs' starts; {@code null} elsewhere and in records of earlier versions
 */
public record ServiceRecord(
        String name,
        long pid,
        String address,
        @JsonSerialize(using = ToStringSerializer.class) Path logFile,
        Instant startedAt,
        Instant processStart,
        Long processStartTicks) {

    /** Checks that every field except {@code processStart} is set and that the pid is positive. */
    public ServiceRecord {
        requireNonNull(name, "name is null");
        requireNonNull(address, "address is null");
        requireNonNull(logFile, "logFile is null");
        requireNonNull(startedAt, "startedAt is null");
        if (pid <= 0) {
            throw new IllegalArgumentException("Invalid pid " + pid + " for service '" + name + "': must be > 0");
        }
    }

    /** A record without the Linux start ticks. */
    public ServiceRecord(String name, long pid, String address, Path logFile, Instant startedAt, Instant processStart) {
        this(name, pid, address, logFile, startedAt, processStart, null);
    }
}
