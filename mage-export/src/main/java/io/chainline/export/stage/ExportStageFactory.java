package io.chainline.export.stage;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.google.inject.Inject;
import com.google.inject.Provider;

import io.chainline.core.error.ConfigException;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.store.BlobStore;
import io.chainline.export.ExportSettings;
import io.chainline.export.spi.WarehouseExporter;

import static java.util.Objects.requireNonNull;

/**
 * Creates {@link ExportStage}s: picks the registered {@link WarehouseExporter} whose mode the request names (or
 * {@code chainline.export.mode}) and opens the object store for the run's {@link Lifecycle}. Built when the
 * injector is, so an unknown configured mode fails at start-up together with every other setting.
 */
public final class ExportStageFactory {
    private final Provider<Set<WarehouseExporter>> exporters;
    private final ExportSettings settings;
    private final Provider<BlobStore> store;
    private final Lifecycle lifecycle;

    /**
     * A factory over the registered exporters.
     *
     * @throws ConfigException when {@code chainline.export.mode} names no registered exporter, or two exporters
     *         serve the same mode
     */
    @Inject
    public ExportStageFactory(
            Provider<Set<WarehouseExporter>> exporters,
            ExportSettings settings,
            Provider<BlobStore> store,
            Lifecycle lifecycle) {
        this.exporters = requireNonNull(exporters, "exporters is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.store = requireNonNull(store, "store is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
        Map<String, WarehouseExporter> byMode = byMode();
        if (!byMode.containsKey(settings.mode())) {
            throw new ConfigException("Invalid value '" + settings.mode() + "' for 'chainline.export.mode': must be"
                    + " one of " + String.join(", ", byMode.keySet()));
        }
    }

    /** The modes of the registered exporters, sorted. */
    public Set<String> modes() {
        return byMode().keySet();
    }

    /**
     * A stage for the request.
     *
     * @throws ConfigException when the request names a mode no exporter serves
     */
    public ExportStage create(ExportRequest request) {
        requireNonNull(request, "request is null");
        String mode = request.mode().orElse(settings.mode());
        Map<String, WarehouseExporter> byMode = byMode();
        WarehouseExporter exporter = byMode.get(mode);
        if (exporter == null) {
            throw new ConfigException("Unknown export mode '" + mode + "': the registered exporters serve "
                    + String.join(", ", byMode.keySet()));
        }
        return new ExportStage(exporter, () -> lifecycle.manage(store.get()));
    }

    private Map<String, WarehouseExporter> byMode() {
        Map<String, WarehouseExporter> byMode = new TreeMap<>();
        for (WarehouseExporter exporter : exporters.get()) {
            WarehouseExporter other = byMode.putIfAbsent(exporter.mode(), exporter);
            if (other != null) {
                throw new ConfigException("Two warehouse exporters serve mode '" + exporter.mode() + "': "
                        + other.getClass().getName() + " and "
                        + exporter.getClass().getName()
                        + "; register one exporter per mode");
            }
        }
        return byMode;
    }
}
