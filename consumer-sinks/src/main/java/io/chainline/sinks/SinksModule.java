package io.chainline.sinks;

import java.nio.file.Path;
import java.time.Clock;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.typesafe.config.Config;

import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.postgres.PostgresEndpoint;
import io.chainline.core.state.StateDirectory;
import io.chainline.core.store.BlobStore;
import io.chainline.sinks.consume.ConsumeStageFactory;
import io.chainline.sinks.dlq.DeadLetterTopic;
import io.chainline.sinks.postgres.PostgresRawSink;
import io.chainline.sinks.postgres.PostgresSinkSettings;
import io.chainline.sinks.raw.BlobRawSink;
import io.chainline.sinks.raw.RawSinkSettings;
import io.chainline.sinks.spi.RawSink;

/**
 * The Guice module of consumer-sinks: its settings, the {@link RawSink} multibinder with the PostgreSQL bronze sink
 * and the object-store raw sink (an embedding project adds its own with
 * {@code Multibinder.newSetBinder(binder(), RawSink.class).addBinding()}), the {@link ConsumeStageFactory} and the
 * {@link DeadLetterTopic}. Needs {@link KafkaEndpoint} and {@link PostgresEndpoint} bindings, which the runner
 * provides. The sink providers are unscoped: every consume run gets sinks of its own, closed by its lifecycle.
 */
public final class SinksModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
        requireBinding(KafkaEndpoint.class);
        requireBinding(PostgresEndpoint.class);
        Multibinder.newSetBinder(binder(), RawSink.class);
        bind(ConsumeStageFactory.class).in(Singleton.class);
        bind(DeadLetterTopic.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    SinksSettings sinksSettings(Config config) {
        return SinksSettings.from(config);
    }

    @Provides
    @Singleton
    PostgresSinkSettings postgresSinkSettings(Config config) {
        return PostgresSinkSettings.from(config);
    }

    @Provides
    @Singleton
    RawSinkSettings rawSinkSettings(Config config) {
        return RawSinkSettings.from(config);
    }

    @ProvidesIntoSet
    RawSink postgresSink(PostgresSinkSettings settings, PostgresEndpoint endpoint) {
        return new PostgresRawSink(settings, endpoint::connect);
    }

    @ProvidesIntoSet
    RawSink rawSink(RawSinkSettings settings, BlobStore store, StateDirectory state, Clock clock) {
        Path tempDir = state.root().resolve("tmp").resolve("raw-sink");
        return new BlobRawSink(settings, store, tempDir, clock);
    }
}
