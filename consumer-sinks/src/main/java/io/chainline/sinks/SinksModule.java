package io.chainline.sinks;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.typesafe.config.Config;

/** The Guice module of consumer-sinks: binds its settings. The consumer stage and raw sinks register here. */
public final class SinksModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
    }

    @Provides
    @Singleton
    SinksSettings sinksSettings(Config config) {
        return SinksSettings.from(config);
    }
}
