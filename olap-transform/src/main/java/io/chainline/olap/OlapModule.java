package io.chainline.olap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.typesafe.config.Config;

/** The Guice module of olap-transform: binds its settings. Table builders and the Spark session register here. */
public final class OlapModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
    }

    @Provides
    @Singleton
    OlapSettings olapSettings(Config config) {
        return OlapSettings.from(config);
    }
}
