package io.chainline.export;

import java.nio.file.Path;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.export}: where the published silver tables are loaded.
 *
 * @param mode local DuckDB, BigQuery load jobs, or a Mage pipeline
 * @param duckdbPath the local warehouse file
 */
public record ExportSettings(ExportMode mode, Path duckdbPath) {

    public ExportSettings {
        requireNonNull(mode, "mode is null");
        requireNonNull(duckdbPath, "duckdbPath is null");
    }

    /** Reads and validates {@code chainline.export}. */
    public static ExportSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, "chainline.export");
        ExportMode mode = read.enumValue("mode", ExportMode.class, ExportMode.LOCAL);
        Path duckdb = read.path("duckdb-path");
        read.throwIfInvalid();
        return new ExportSettings(mode, duckdb);
    }
}
