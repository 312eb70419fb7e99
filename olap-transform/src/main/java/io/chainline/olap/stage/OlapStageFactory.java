package io.chainline.olap.stage;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.google.inject.Inject;
import com.google.inject.Provider;
import org.apache.spark.sql.SparkSession;

import io.chainline.core.error.ConfigException;
import io.chainline.core.settings.StoreSettings;
import io.chainline.core.stage.Stage;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.BlobStores;
import io.chainline.core.store.GcsStorageFactory;
import io.chainline.olap.SilverSettings;
import io.chainline.olap.build.TableBuilder;

import static java.util.Objects.requireNonNull;

/**
 * Creates the {@code olap-transform} stage for a request, with every bound {@link TableBuilder} (built in the order
 * of their names) and the Spark session from the injector, asked for only when the stage runs.
 */
public final class OlapStageFactory {
    private final Provider<SparkSession> spark;
    private final Provider<Set<TableBuilder>> builders;
    private final SilverSettings settings;
    private final StoreSettings store;

    /** A factory over the injector's session, builders and settings. */
    @Inject
    public OlapStageFactory(
            Provider<SparkSession> spark,
            Provider<Set<TableBuilder>> builders,
            SilverSettings settings,
            StoreSettings store) {
        this.spark = requireNonNull(spark, "spark is null");
        this.builders = requireNonNull(builders, "builders is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * The stage that builds and publishes the star schema for {@code request}.
     *
     * @throws ConfigException when two bound table builders have the same name
     */
    public Stage create(OlapRequest request) {
        requireNonNull(request, "request is null");
        return new OlapStage(request, spark, ordered(builders.get()), settings, this::open);
    }

    private BlobStore open(URI root) {
        return BlobStores.forUri(
                root.toString(), () -> GcsStorageFactory.create(store.gcsProject(), store.credentialsFile()));
    }

    private static List<TableBuilder> ordered(Set<TableBuilder> bound) {
        Map<String, List<String>> byName = new TreeMap<>();
        for (TableBuilder builder : bound) {
            byName.computeIfAbsent(builder.name(), name -> new ArrayList<>())
                    .add(builder.getClass().getName());
        }
        List<String> duplicates = byName.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .map(entry -> "'" + entry.getKey() + "' by " + entry.getValue())
                .toList();
        if (!duplicates.isEmpty()) {
            throw new ConfigException("Table builders must have unique names; bound twice: " + duplicates
                    + ". Replace a builder by overriding OlapModule.tableBuilderKey(name)");
        }
        List<TableBuilder> ordered = new ArrayList<>(bound);
        ordered.sort(Comparator.comparing(TableBuilder::name));
        return ordered;
    }
}
