package io.chainline.export;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.typesafe.config.Config;

/** The Guice module of mage-export: binds its settings. Warehouse exporters and the Mage client register here. */
public final class ExportModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
    }

    @Provides
    @Singleton
    ExportSettings exportSettings(Config config) {
        return ExportSettings.from(config);
    }
}
