package io.chainline.runner.inject;

import java.time.Clock;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.typesafe.config.Config;

import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.postgres.PostgresEndpoint;
import io.chainline.core.state.StateDirectory;
import io.chainline.runner.process.ServiceRegistry;
import io.chainline.runner.services.ResolvedKafkaEndpoint;
import io.chainline.runner.services.ResolvedPostgresEndpoint;
import io.chainline.runner.state.RetentionSettings;

/**
 * The runner's own bindings: the registry of background services in the state directory, the retention of its
 * {@code runs/} and {@code reports/}, and the endpoints of the services, resolved from configuration and that
 * registry.
 */
public final class RunnerModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(KafkaEndpoint.class).to(ResolvedKafkaEndpoint.class).in(Singleton.class);
        bind(PostgresEndpoint.class).to(ResolvedPostgresEndpoint.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    RetentionSettings retentionSettings(Config config) {
        return RetentionSettings.from(config);
    }

    @Provides
    @Singleton
    ServiceRegistry serviceRegistry(StateDirectory directory, Clock clock) {
        return new ServiceRegistry(directory, clock);
    }
}
