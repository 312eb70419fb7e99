package io.chainline.export;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.typesafe.config.Config;

import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.settings.StoreSettings;
import io.chainline.export.bigquery.BigQueryConnection;
import io.chainline.export.bigquery.BigQueryExporter;
import io.chainline.export.bigquery.BigQuerySettings;
import io.chainline.export.duckdb.DuckDbExporter;
import io.chainline.export.duckdb.DuckDbWarehouse;
import io.chainline.export.mage.MageExporter;
import io.chainline.export.mage.MageModule;
import io.chainline.export.spi.WarehouseExporter;
import io.chainline.export.stage.ExportStageFactory;

/**
 * The Guice module of mage-export: its settings, the {@link WarehouseExporter} multibinder with the DuckDB, BigQuery
 * and Mage exporters (an embedding project adds its own with
 * {@code Multibinder.newSetBinder(binder(), WarehouseExporter.class).addBinding()}) and the
 * {@link ExportStageFactory}; it installs the {@link MageModule}. The warehouse connections are singletons that open on first use and are closed by the
 * {@link Lifecycle}.
 */
public final class ExportModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
        install(new MageModule());
        Multibinder<WarehouseExporter> exporters = Multibinder.newSetBinder(binder(), WarehouseExporter.class);
        exporters.addBinding().to(DuckDbExporter.class);
        exporters.addBinding().to(BigQueryExporter.class);
        exporters.addBinding().to(MageExporter.class);
        bind(ExportStageFactory.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    ExportSettings exportSettings(Config config) {
        return ExportSettings.from(config);
    }

    @Provides
    @Singleton
    BigQuerySettings bigQuerySettings(Config config) {
        return BigQuerySettings.from(config);
    }

    @Provides
    @Singleton
    DuckDbWarehouse duckDbWarehouse(ExportSettings settings, Lifecycle lifecycle) {
        return lifecycle.manage(DuckDbWarehouse.readWrite(settings.duckdbPath()));
    }

    @Provides
    @Singleton
    BigQueryConnection bigQueryConnection(BigQuerySettings settings, StoreSettings store, Lifecycle lifecycle) {
        return lifecycle.manage(new BigQueryConnection(settings, store.gcsProject(), store.credentialsFile()));
    }
}
