package io.chainline.runner.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;

import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.postgres.PostgresEndpoint;
import io.chainline.runner.services.ResolvedKafkaEndpoint;
import io.chainline.runner.services.ResolvedPostgresEndpoint;

/** The runner's own bindings: endpoints of the services, resolved from configuration and the service registry. */
public final class RunnerModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(KafkaEndpoint.class).to(ResolvedKafkaEndpoint.class).in(Singleton.class);
        bind(PostgresEndpoint.class).to(ResolvedPostgresEndpoint.class).in(Singleton.class);
    }
}
