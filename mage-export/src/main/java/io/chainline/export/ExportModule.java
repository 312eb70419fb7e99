package io.chainline.export;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.typesafe.config.Config;

import io.chainline.export.mage.MageExporter;
import io.chainline.export.mage.MageModule;
import io.chainline.export.spi.WarehouseExporter;

/** The Guice module of mage-export: binds its settings. Warehouse exporters and the Mage client register here. */
public final class ExportModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
        install(new MageModule());
        Multibinder.newSetBinder(binder(), WarehouseExporter.class).addBinding().to(MageExporter.class);
    }

    @Provides
    @Singleton
    ExportSettings exportSettings(Config config) {
        return ExportSettings.from(config);
    }
}
