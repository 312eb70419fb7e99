package io.chainline.runner.process;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * A registered service and whether it is running.
 *
 * @param record the registry record
 * @param alive  whether process {@code record.pid()} is still the process that registered
 * @param uptime time since the service registered; zero when it is not alive
 */
public record ServiceStatus(ServiceRecord record, boolean alive, Duration uptime) {

    /** Checks that the record and the uptime are set. */
    public ServiceStatus {
        requireNonNull(record, "record is null");
        requireNonNull(uptime, "uptime is null");
    }
}
