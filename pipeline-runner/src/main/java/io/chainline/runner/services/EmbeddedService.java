package io.chainline.runner.services;

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

    @Override
    public void close() throws Exception {
        service.close();
    }
}
