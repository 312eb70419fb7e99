package io.chainline.olap;

import java.util.List;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.binder.LinkedBindingBuilder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import com.typesafe.config.Config;
import org.apache.spark.sql.SparkSession;

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
import io.chainline.olap.spark.SparkSessionFactory;
import io.chainline.olap.spark.SparkSettings;
import io.chainline.olap.stage.OlapStageFactory;

import static java.util.Objects.requireNonNull;

/**
 * The Guice module of olap-transform: its settings, the Spark session factory and the session itself, the
 * {@link OlapStageFactory} and the {@link TableBuilder}s of the star schema. Each builder is bound under {@link #tableBuilderKey(String) tableBuilderKey(name)} and added to
 * the {@code Set<TableBuilder>} multibinder through that key, so an embedding project
 * <ul>
 *   <li>adds a table with {@link #addTableBuilder(Binder, String)}{@code .to(MyBuilder.class)};</li>
 *   <li>replaces one with {@code Modules.override(new OlapModule()).with(binder ->
 *       binder.bind(OlapModule.tableBuilderKey("dim_date")).to(MyDates.class))}.</li>
 * </ul>
 * Needs pipeline-core's {@code CoreModule}; the session is created on first use and closed by the lifecycle.
 */
public final class OlapModule extends AbstractModule {
    private static final List<String> TABLES = List.of(
            DimCustomerBuilder.NAME,
            DimProductBuilder.NAME,
            DimLocationBuilder.NAME,
            DimDepartmentBuilder.NAME,
            DimShippingBuilder.NAME,
            DimMetadataBuilder.NAME,
            DimDateBuilder.NAME,
            FactOrderBuilder.NAME);

    @Override
    protected void configure() {
        requireBinding(Config.class);
        requireBinding(Lifecycle.class);
        requireBinding(StoreSettings.class);
        bind(tableBuilderKey(DimCustomerBuilder.NAME)).to(DimCustomerBuilder.class);
        bind(tableBuilderKey(DimProductBuilder.NAME)).to(DimProductBuilder.class);
        bind(tableBuilderKey(DimLocationBuilder.NAME)).to(DimLocationBuilder.class);
        bind(tableBuilderKey(DimDepartmentBuilder.NAME)).to(DimDepartmentBuilder.class);
        bind(tableBuilderKey(DimShippingBuilder.NAME)).to(DimShippingBuilder.class);
        bind(tableBuilderKey(DimMetadataBuilder.NAME)).to(DimMetadataBuilder.class);
        bind(tableBuilderKey(DimDateBuilder.NAME)).to(DimDateBuilder.class);
        bind(tableBuilderKey(FactOrderBuilder.NAME)).to(FactOrderBuilder.class);
        Multibinder<TableBuilder> builders = Multibinder.newSetBinder(binder(), TableBuilder.class);
        TABLES.forEach(name -> builders.addBinding().to(tableBuilderKey(name)));
        bind(OlapStageFactory.class).in(Singleton.class);
    }

    /** The key the builder of table {@code name} is bound under; override it to replace that builder. */
    public static Key<TableBuilder> tableBuilderKey(String name) {
        requireNonNull(name, "name is null");
        return Key.get(TableBuilder.class, Names.named(name));
    }

    /**
     * Binds a builder of a new table {@code name} into the set of table builders; finish with {@code .to(...)} or
     * {@code .toInstance(...)} on the returned binder.
     */
    public static LinkedBindingBuilder<TableBuilder> addTableBuilder(Binder binder, String name) {
        requireNonNull(binder, "binder is null");
        Multibinder.newSetBinder(binder, TableBuilder.class).addBinding().to(tableBuilderKey(name));
        return binder.bind(tableBuilderKey(name));
    }

    @Provides
    @Singleton
    SilverSettings silverSettings(Config config) {
        return SilverSettings.from(config);
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
