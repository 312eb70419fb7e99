package io.chainline.sinks;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.binder.LinkedBindingBuilder;
import com.typesafe.config.Config;

import io.chainline.core.inject.Registry;
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
 * The Guice module of consumer-sinks: its settings, the registry of {@link RawSink}s with the PostgreSQL bronze sink
 * ({@code postgres}) and the object-store raw sink ({@code raw}), the {@link ConsumeStageFactory} and the
 * {@link DeadLetterTopic}. An embedding project adds a sink with
 * {@link #addSink(Binder, String) addSink(binder, "name")}{@code .to(MySink.class)} and enables it in
 * {@code chainline.sinks.enabled}; it replaces a built-in one by overriding {@link #sinkKey(String)}. Needs
 * {@link KafkaEndpoint} and {@link PostgresEndpoint} bindings, which the runner provides. The sink bindings are
 * unscoped: every consume run gets sinks of its own, closed by its lifecycle.
 */
public final class SinksModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
        requireBinding(KafkaEndpoint.class);
        requireBinding(PostgresEndpoint.class);
        addSink(binder(), PostgresRawSink.TYPE).to(PostgresRawSink.class);
        addSink(binder(), BlobRawSink.TYPE).to(BlobRawSink.class);
        bind(ConsumeStageFactory.class).in(Singleton.class);
        bind(DeadLetterTopic.class).in(Singleton.class);
    }

    /**
     * Registers a sink under the type name {@code name}; finish with {@code .to(...)}, {@code .toInstance(...)} or
     * {@code .toProvider(...)} on the returned binder. Leave it unscoped, so that each consume run gets (and closes)
     * its own instance.
     */
    public static LinkedBindingBuilder<RawSink> addSink(Binder binder, String name) {
        return Registry.register(binder, RawSink.class, name);
    }

    /** The key the sink registered as {@code name} is bound under; override it to replace that sink. */
    public static Key<RawSink> sinkKey(String name) {
        return Registry.key(RawSink.class, name);
    }

    @Provides
    @Singleton
    Registry<RawSink> sinks(Map<String, Provider<RawSink>> sinks) {
        return new Registry<>("sink", sinks);
    }

    @Provides
    @Singleton
    SinksSettings sinksSettings(Config config, Registry<RawSink> sinks) {
        return SinksSettings.from(config, sinks);
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

    @Provides
    PostgresRawSink postgresSink(PostgresSinkSettings settings, PostgresEndpoint endpoint) {
        return new PostgresRawSink(settings, endpoint::connect);
    }

    @Provides
    BlobRawSink rawSink(RawSinkSettings settings, BlobStore store, StateDirectory state, Clock clock) {
        Path tempDir = state.root().resolve("tmp").resolve("raw-sink");
        return new BlobRawSink(settings, store, tempDir, clock);
    }
}
