package io.chainline.core.settings;

import java.nio.file.Path;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.state-dir}: where Chainline keeps the service registry, ingest positions, rejects, logs and the
 * Mage trigger.
 *
 * @param stateDir the state directory
 */
public record StateSettings(Path stateDir) {

    public StateSettings {
        requireNonNull(stateDir, "stateDir is null");
    }

    /** Reads {@code chainline.state-dir}. */
    public static StateSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, "chainline");
        Path stateDir = read.path("state-dir");
        read.throwIfInvalid();
        return new StateSettings(stateDir.toAbsolutePath().normalize());
    }
}
