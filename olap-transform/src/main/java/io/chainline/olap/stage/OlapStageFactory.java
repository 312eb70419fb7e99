package io.chainline.olap.stage;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.inject.Inject;
import com.google.inject.Provider;
import org.apache.spark.sql.SparkSession;

import io.chainline.core.inject.Registry;
import io.chainline.core.settings.StoreSettings;
import io.chainline.core.stage.Stage;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.BlobStores;
import io.chainline.core.store.GcsStorageFactory;
import io.chainline.olap.SilverSettings;
import io.chainline.olap.build.TableBuilder;
import io.chainline.olap.iceberg.CatalogSettings;
import io.chainline.olap.iceberg.PublishListener;

import static java.util.Objects.requireNonNull;

/**
 * Creates the {@code olap-transform} stage for a request, with every registered {@link TableBuilder} (built in the
 * order of their table names) and the Spark session from the injector, asked for only when the stage runs.
 */
public final class OlapStageFactory {
    private final Provider<SparkSession> spark;
    private final Registry<TableBuilder> builders;
    private final SilverSettings settings;
    private final StoreSettings store;
    private final CatalogSettings catalog;
    private final PublishListener listener;

    /** A factory over the injector's session, builders and settings. */
    @Inject
    public OlapStageFactory(
            Provider<SparkSession> spark,
            Registry<TableBuilder> builders,
            SilverSettings settings,
            StoreSettings store,
            CatalogSettings catalog,
            PublishListener listener) {
        this.spark = requireNonNull(spark, "spark is null");
        this.builders = requireNonNull(builders, "builders is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.store = requireNonNull(store, "store is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    /** The stage that builds and publishes the star schema for {@code request}. */
    public Stage create(OlapRequest request) {
        requireNonNull(request, "request is null");
        Map<String, TableBuilder> ordered = new LinkedHashMap<>();
        builders.names().forEach(name -> ordered.put(name, builders.get(name, "chainline.silver")));
        return new OlapStage(request, spark, ordered, settings, catalog, this::open, listener);
    }

    /** The registered table builders, by table name. */
    public Registry<TableBuilder> builders() {
        return builders;
    }

    private BlobStore open(URI root) {
        return BlobStores.forUri(
                root.toString(), () -> GcsStorageFactory.create(store.gcsProject(), store.credentialsFile()));
    }
}
