package io.chainline.export.stage;

import java.util.Set;

import com.google.inject.Inject;
import com.google.inject.Provider;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.Registry;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.store.BlobStore;
import io.chainline.export.ExportSettings;
import io.chainline.export.spi.WarehouseExporter;

import static java.util.Objects.requireNonNull;

/**
 * Creates {@link ExportStage}s: takes the registered {@link WarehouseExporter} of the mode the request names (or
 * {@code chainline.export.mode}, which was checked against the registry when the settings were read) and opens the
 * object store for the run's {@link Lifecycle}. Only the chosen exporter is created.
 */
public final class ExportStageFactory {
    /** What names a mode in a request, in messages about unknown ones. */
    private static final String MODE_OPTION = "--mode";

    private final Registry<WarehouseExporter> exporters;
    private final ExportSettings settings;
    private final Provider<BlobStore> store;
    private final Lifecycle lifecycle;

    /** A factory over the registered exporters. */
    @Inject
    public ExportStageFactory(
            Registry<WarehouseExporter> exporters,
            ExportSettings settings,
            Provider<BlobStore> store,
            Lifecycle lifecycle) {
        this.exporters = requireNonNull(exporters, "exporters is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.store = requireNonNull(store, "store is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
    }

    /** The modes of the registered exporters, sorted. */
    public Set<String> modes() {
        return exporters.names();
    }

    /**
     * A stage for the request.
     *
     * @throws ConfigException when the request names a mode no exporter is registered for (listing the registered
     *     ones)
     */
    public ExportStage create(ExportRequest request) {
        requireNonNull(request, "request is null");
        String mode = request.mode().orElse(settings.mode());
        WarehouseExporter exporter =
                exporters.get(mode, request.mode().isPresent() ? MODE_OPTION : "chainline.export.mode");
        return new ExportStage(mode, exporter, () -> lifecycle.manage(store.get()));
    }
}
