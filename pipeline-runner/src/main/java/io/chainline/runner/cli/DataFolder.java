package io.chainline.runner.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.typesafe.config.Config;

import io.chainline.core.error.ConfigException;
import io.chainline.core.settings.StoreSettings;
import io.chainline.core.store.BlobStores;
import io.chainline.export.ExportSettings;

/**
 * The local data of a project run: the store root's directory (raw files, silver) and the local warehouse file.
 * {@code --fresh} empties it; a {@code gs://} store is never emptied by a command.
 */
final class DataFolder {
    private final Path storeDirectory;
    private final Path warehouse;

    private DataFolder(Path storeDirectory, Path warehouse) {
        this.storeDirectory = storeDirectory;
        this.warehouse = warehouse;
    }

    /**
     * The data folder of the configuration.
     *
     * @throws ConfigException when the store is on GCS, which {@code --fresh} must not empty
     */
    static DataFolder of(Config config) {
        StoreSettings store = StoreSettings.from(config);
        if (store.isGcs()) {
            throw new ConfigException("--fresh empties a local data folder only, but chainline.store.root is "
                    + store.root() + ": delete its raw_streaming/ and silver/ yourself or point the store at a"
                    + " directory");
        }
        return new DataFolder(
                BlobStores.parse(store.root()).directory(),
                ExportSettings.duckdbPath(config).toAbsolutePath());
    }

    /** Deletes everything in the store directory and the warehouse file; returns what was deleted. */
    List<Path> empty() {
        deleteTree(storeDirectory);
        deleteTree(warehouse);
        deleteTree(warehouse.resolveSibling(warehouse.getFileName() + ".wal"));
        return List.of(storeDirectory, warehouse);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + root + " for --fresh: " + e.getMessage(), e);
        }
    }
}
