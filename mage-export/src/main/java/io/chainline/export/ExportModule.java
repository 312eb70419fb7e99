package io.chainline.export;

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
 * The Guice module of mage-export: its settings, the registry of {@link WarehouseExporter}s with the DuckDB
 * ({@code local}), BigQuery ({@code bigquery}) and Mage ({@code mage}) exporters, and the
 * {@link ExportStageFactory}; it installs the {@link MageModule}. An embedding project adds an exporter with
 * {@link #addExporter(Binder, String) addExporter(binder, "mode")}{@code .to(MyExporter.class)} and chooses it with
 * {@code chainline.export.mode}; it replaces a built-in one by overriding {@link #exporterKey(String)}. The warehouse
 * connections are singletons that open on first use and are closed by the {@link Lifecycle}.
 */
public final class ExportModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
        install(new MageModule());
        addExporter(binder(), DuckDbExporter.MODE).to(DuckDbExporter.class);
        addExporter(binder(), BigQueryExporter.MODE).to(BigQueryExporter.class);
        addExporter(binder(), MageExporter.MODE).to(MageExporter.class);
        bind(ExportStageFactory.class).in(Singleton.class);
    }

    /**
     * Registers an exporter for the mode {@code name}; finish with {@code .to(...)}, {@code .toInstance(...)} or
     * {@code .toProvider(...)} on the returned binder.
     */
    public static LinkedBindingBuilder<WarehouseExporter> addExporter(Binder binder, String name) {
        return Registry.register(binder, WarehouseExporter.class, name);
    }

    /** The key the exporter of mode {@code name} is bound under; override it to replace that exporter. */
    public static Key<WarehouseExporter> exporterKey(String name) {
        return Registry.key(WarehouseExporter.class, name);
    }

    @Provides
    @Singleton
    Registry<WarehouseExporter> exporters(Map<String, Provider<WarehouseExporter>> exporters) {
        return new Registry<>("exporter", exporters);
    }

    @Provides
    @Singleton
    ExportSettings exportSettings(Config config, Registry<WarehouseExporter> exporters) {
        return ExportSettings.from(config, exporters);
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
