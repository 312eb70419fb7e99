package io.chainline.olap;

import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.binder.LinkedBindingBuilder;
import com.typesafe.config.Config;
import org.apache.spark.sql.SparkSession;

import io.chainline.core.inject.Registry;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.settings.StoreSettings;
import io.chainline.olap.build.DimCustomerBuilder;
import io.chainline.olap.build.DimDateBuilder;
import io.chainline.olap.build.DimDepartmentBuilder;
import io.chainline.olap.build.DimLocationBuilder;
import io.chainline.olap.build.DimMetadataBuilder;
import io.chainline.olap.build.DimProductBuilder;
import io.chainline.olap.build.DimShippingBuilder;
import io.chainline.olap.build.FactOrderBuilder;
import io.chainline.olap.build.TableBuilder;
import io.chainline.olap.iceberg.CatalogSettings;
import io.chainline.olap.iceberg.PublishListener;
import io.chainline.olap.spark.SparkSessionFactory;
import io.chainline.olap.spark.SparkSettings;
import io.chainline.olap.stage.OlapStageFactory;

/**
 * The Guice module of olap-transform: its settings, the Spark session factory and the session itself, the
 * {@link OlapStageFactory} and the registry of {@link TableBuilder}s of the star schema, keyed by table name. Each
 * builder is bound under {@link #tableBuilderKey(String) tableBuilderKey(name)}, so an embedding project
 * <ul>
 *   <li>adds a table with {@link #addTableBuilder(Binder, String)}{@code .to(MyBuilder.class)};</li>
 *   <li>replaces one with {@code Modules.override(new OlapModule()).with(binder ->
 *       binder.bind(OlapModule.tableBuilderKey("dim_date")).to(MyDates.class))}.</li>
 * </ul>
 * Needs pipeline-core's {@code CoreModule}. The session is the host's active one when there is one, else created
 * on first use and stopped by the lifecycle ({@link SparkSessionFactory}).
 */
public final class OlapModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
        requireBinding(Lifecycle.class);
        requireBinding(StoreSettings.class);
        addTableBuilder(binder(), DimCustomerBuilder.NAME).to(DimCustomerBuilder.class);
        addTableBuilder(binder(), DimProductBuilder.NAME).to(DimProductBuilder.class);
        addTableBuilder(binder(), DimLocationBuilder.NAME).to(DimLocationBuilder.class);
        addTableBuilder(binder(), DimDepartmentBuilder.NAME).to(DimDepartmentBuilder.class);
        addTableBuilder(binder(), DimShippingBuilder.NAME).to(DimShippingBuilder.class);
        addTableBuilder(binder(), DimMetadataBuilder.NAME).to(DimMetadataBuilder.class);
        addTableBuilder(binder(), DimDateBuilder.NAME).to(DimDateBuilder.class);
        addTableBuilder(binder(), FactOrderBuilder.NAME).to(FactOrderBuilder.class);
        bind(OlapStageFactory.class).in(Singleton.class);
        bind(PublishListener.class).toInstance(PublishListener.NONE);
    }

    /** The key the builder of table {@code name} is bound under; override it to replace that builder. */
    public static Key<TableBuilder> tableBuilderKey(String name) {
        return Registry.key(TableBuilder.class, name);
    }

    /**
     * Registers a builder of the table {@code name}; finish with {@code .to(...)}, {@code .toInstance(...)} or
     * {@code .toProvider(...)} on the returned binder.
     */
    public static LinkedBindingBuilder<TableBuilder> addTableBuilder(Binder binder, String name) {
        return Registry.register(binder, TableBuilder.class, name);
    }

    @Provides
    @Singleton
    Registry<TableBuilder> tableBuilders(Map<String, Provider<TableBuilder>> builders) {
        return new Registry<>("table builder", builders);
    }

    @Provides
    @Singleton
    SilverSettings silverSettings(Config config, Registry<TableBuilder> builders) {
        return SilverSettings.from(config, builders);
    }

    @Provides
    @Singleton
    CatalogSettings catalogSettings(Config config) {
        return CatalogSettings.from(config);
    }

    @Provides
    @Singleton
    SparkSettings sparkSettings(Config config) {
        return SparkSettings.from(config);
    }

    @Provides
    @Singleton
    SparkSessionFactory sparkSessionFactory(SparkSettings settings, Lifecycle lifecycle) {
        return new SparkSessionFactory(settings, lifecycle);
    }

    /**
     * The run's session. Unscoped on purpose: singletons are built when a production injector is, and a command
     * that never runs Spark must not start it; the factory creates the one session on first use.
     */
    @Provides
    SparkSession sparkSession(SparkSessionFactory factory) {
        return factory.session();
    }
}
