package io.chainline.core.settings;

import java.nio.file.Path;
import java.util.Optional;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;
import io.chainline.core.store.BlobStores;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.store}: the object store that holds raw files and the silver tables.
 *
 * @param root {@code gs://bucket/prefix}, a {@code file:} URI or a directory path
 * @param gcsProject the Google Cloud project for GCS requests; empty for the credentials' own
 * @param credentialsFile a service-account JSON key file; empty for application default credentials
 */
public record StoreSettings(String root, Optional<String> gcsProject, Optional<Path> credentialsFile) {

    public StoreSettings {
        requireNonNull(root, "root is null");
        requireNonNull(gcsProject, "gcsProject is null");
        requireNonNull(credentialsFile, "credentialsFile is null");
    }

    /** Reads and validates {@code chainline.store}. */
    public static StoreSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, "chainline.store");
        String root = read.nonEmptyString("root").trim();
        if (!root.isEmpty()) {
            BlobStores.whyInvalid(root).ifPresent(reason -> read.problem("root", root, reason));
        }
        Optional<String> project = read.optionalString("gcs.project");
        Optional<Path> credentials = read.optionalPath("gcs.credentials-file");
        read.throwIfInvalid();
        return new StoreSettings(root, project, credentials);
    }

    /** Whether the store is Google Cloud Storage. */
    public boolean isGcs() {
        return root.startsWith("gs://");
    }
}
