package io.chainline.export;

import java.nio.file.Path;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;
import io.chainline.core.inject.Registry;
import io.chainline.export.spi.WarehouseExporter;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.export}: where the published silver tables are loaded.
 *
 * @param mode the mode of the registered exporter to use, e.g. {@code local}, {@code bigquery}, {@code mage} or an
 *        embedding project's own
 * @param duckdbPath the local warehouse file
 */
public record ExportSettings(String mode, Path duckdbPath) {
    private static final String PREFIX = "chainline.export";

    public ExportSettings {
        requireNonNull(mode, "mode is null");
        requireNonNull(duckdbPath, "duckdbPath is null");
    }

    /**
     * Reads and validates {@code chainline.export}.
     *
     * @param exporters the registered exporters, which {@code mode} chooses from
     */
    public static ExportSettings from(Config config, Registry<WarehouseExporter> exporters) {
        SettingsReader read = SettingsReader.of(config, PREFIX);
        String mode = read.registeredName("mode", exporters);
        Path duckdb = read.path("duckdb-path");
        read.throwIfInvalid();
        return new ExportSettings(mode, duckdb);
    }

    /**
     * Reads {@code chainline.export.duckdb-path} alone, for a command that needs the local warehouse file before the
     * exporters are registered (e.g. {@code start-project --fresh}).
     */
    public static Path duckdbPath(Config config) {
        SettingsReader read = SettingsReader.of(config, PREFIX);
        Path duckdb = read.path("duckdb-path");
        read.throwIfInvalid();
        return duckdb;
    }
}
