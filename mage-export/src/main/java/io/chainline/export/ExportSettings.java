package io.chainline.export;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.export}: where the published silver tables are loaded.
 *
 * @param mode the mode of the exporter to use, e.g. {@code local}, {@code bigquery}, {@code mage} or an embedding
 *        project's own; checked against the registered exporters by the export stage factory
 * @param duckdbPath the local warehouse file
 */
public record ExportSettings(String mode, Path duckdbPath) {
    private static final Pattern MODE = Pattern.compile("[a-z][a-z0-9-]*");

    public ExportSettings {
        requireNonNull(mode, "mode is null");
        requireNonNull(duckdbPath, "duckdbPath is null");
    }

    /** Reads and validates {@code chainline.export}. */
    public static ExportSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, "chainline.export");
        String mode = read.nonEmptyString("mode").trim();
        if (!mode.isEmpty() && !MODE.matcher(mode).matches()) {
            read.problem("mode", mode, "must be a lower-case mode name such as local, bigquery or mage");
        }
        Path duckdb = read.path("duckdb-path");
        read.throwIfInvalid();
        return new ExportSettings(mode, duckdb);
    }
}
