package io.chainline.runner.services;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * A local service running in this process.
 *
 * @param service what stops it
 * @param address where clients reach it: Kafka's bootstrap servers, PostgreSQL's {@code host:port}
 */
public record EmbeddedService(AutoCloseable service, String address) implements AutoCloseable {

    public EmbeddedService {
        requireNonNull(service, "service is null");
        requireNonNull(address, "address is null");
    }

    /** Stops the service; a failure to stop is reported, not hidden. */
    @Override
    public void close() {
        try {
            service.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException("interrupted while stopping the service at " + address, e);
        } catch (Exception e) {
            throw new ChainlineException("cannot stop the service at " + address + ": " + e.getMessage(), e);
        }
    }
}
