package io.chainline.olap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.typesafe.config.Config;

import org.apache.spark.sql.SparkSession;

import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.olap.spark.SparkSessionFactory;
import io.chainline.olap.spark.SparkSettings;

/**
 * The Guice module of olap-transform: binds its settings, the Spark session factory and the session itself.
 * Table builders register here.
 */
public final class OlapModule extends AbstractModule {

    @Override
    protected void configure() {
        requireBinding(Config.class);
        requireBinding(Lifecycle.class);
    }

    @Provides
    @Singleton
    OlapSettings olapSettings(Config config) {
        return OlapSettings.from(config);
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
