package io.chainline.ingest;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.typesafe.config.Config;

import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.ingest.csv.CsvRecordSource;
import io.chainline.ingest.generator.GeneratorRecordSource;
import io.chainline.ingest.jdbc.JdbcRecordSource;
import io.chainline.ingest.jdbc.JdbcSourceSettings;
import io.chainline.ingest.produce.IngestStageFactory;
import io.chainline.ingest.source.RecordSource;

/**
 * The Guice module of ingest-kafka: its settings, the {@link RecordSource} multibinder with the CSV, JDBC and
 * generator sources (an embedding project adds its own with
 * {@code Multibinder.newSetBinder(binder(), RecordSource.class).addBinding()}) and the {@link IngestStageFactory}.
 * Needs a {@link KafkaEndpoint} binding, which the runner provides.
 */
public final class IngestModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
        requireBinding(KafkaEndpoint.class);
        Multibinder<RecordSource> sources = Multibinder.newSetBinder(binder(), RecordSource.class);
        sources.addBinding().to(CsvRecordSource.class);
        sources.addBinding().to(JdbcRecordSource.class);
        sources.addBinding().to(GeneratorRecordSource.class);
        bind(IngestStageFactory.class).in(Singleton.class);
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
    IngestSettings ingestSettings(Config config) {
        return IngestSettings.from(config);
    }
}
