package io.chainline.ingest;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.typesafe.config.Config;

/**
 * The Guice module of ingest-kafka: binds its settings. Record sources and the producer stage register here.
 */
public final class IngestModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
    }

    @Provides
    @Singleton
    IngestSettings ingestSettings(Config config) {
        return IngestSettings.from(config);
    }
}
