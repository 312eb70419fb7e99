package io.chainline.ingest;

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
import io.chainline.ingest.csv.CsvRecordSource;
import io.chainline.ingest.csv.CsvSettings;
import io.chainline.ingest.generator.GeneratorRecordSource;
import io.chainline.ingest.jdbc.JdbcRecordSource;
import io.chainline.ingest.jdbc.JdbcSourceSettings;
import io.chainline.ingest.produce.IngestStageFactory;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.source.RecordSource;

/**
 * The Guice module of ingest-kafka: its settings, the registry of {@link RecordSource}s with the {@code csv},
 * {@code jdbc} and {@code generator} sources, and the {@link IngestStageFactory}. An embedding project adds a source
 * with {@link #addSource(Binder, String) addSource(binder, "name")}{@code .to(MySource.class)} and reads it with
 * {@code stream-data --source name} ({@link IngestRequest#sources()}); it replaces a built-in one by overriding
 * {@link #sourceKey(String)}. Needs a {@link KafkaEndpoint} binding, which the runner provides.
 */
public final class IngestModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
        requireBinding(KafkaEndpoint.class);
        addSource(binder(), CsvRecordSource.TYPE).to(CsvRecordSource.class);
        addSource(binder(), JdbcRecordSource.TYPE).to(JdbcRecordSource.class);
        addSource(binder(), GeneratorRecordSource.TYPE).to(GeneratorRecordSource.class);
        bind(IngestStageFactory.class).in(Singleton.class);
    }

    /**
     * Registers a record source under the type name {@code name}; finish with {@code .to(...)},
     * {@code .toInstance(...)} or {@code .toProvider(...)} on the returned binder.
     */
    public static LinkedBindingBuilder<RecordSource> addSource(Binder binder, String name) {
        return Registry.register(binder, RecordSource.class, name);
    }

    /** The key the source registered as {@code name} is bound under; override it to replace that source. */
    public static Key<RecordSource> sourceKey(String name) {
        return Registry.key(RecordSource.class, name);
    }

    @Provides
    @Singleton
    Registry<RecordSource> recordSources(Map<String, Provider<RecordSource>> sources) {
        return new Registry<>("record source", sources);
    }

    @Provides
    @Singleton
    JdbcSourceSettings jdbcSourceSettings(Config config) {
        return JdbcSourceSettings.from(config);
    }

    @Provides
    JdbcRecordSource jdbcRecordSource(JdbcSourceSettings settings) {
        return new JdbcRecordSource(settings);
    }

    @Provides
    @Singleton
    CsvSettings csvSettings(Config config) {
        return CsvSettings.from(config);
    }

    @Provides
    @Singleton
    IngestSettings ingestSettings(Config config) {
        return IngestSettings.from(config);
    }
}
