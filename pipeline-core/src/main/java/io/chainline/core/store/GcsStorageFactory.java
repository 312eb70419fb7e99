package io.chainline.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;

import io.chainline.core.error.ConfigException;

import static java.util.Objects.requireNonNull;

/**
 * Builds Google Cloud Storage clients. Pass it to {@link BlobStores#forUri} as a supplier so that a client (and
 * credential lookup) happens only for {@code gs://} roots.
 */
public final class GcsStorageFactory {
    private static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/devstorage.read_write");

    /** Named in messages as {@code 'key', the GCS key file: …}: redaction masks the word after {@code 'key': }. */
    private static final String CREDENTIALS_KEY = "chainline.store.gcs.credentials-file";

    private GcsStorageFactory() {}

    /**
     * A client for {@code projectId} (default: from the environment) that authenticates with the service-account
     * key in {@code credentialsFile}, or with application default credentials when none is given. Tokens are
     * fetched on first use, not here.
     *
     * @throws ConfigException naming the file if the key cannot be read or parsed
     */
    public static Storage create(Optional<String> projectId, Optional<Path> credentialsFile) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(credentialsFile, "credentialsFile is null");
        StorageOptions.Builder options = StorageOptions.newBuilder();
        projectId.ifPresent(options::setProjectId);
        credentialsFile.ifPresent(file -> options.setCredentials(serviceAccount(file)));
        return options.build().getService();
    }

    private static GoogleCredentials serviceAccount(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return GoogleCredentials.fromStream(in).createScoped(SCOPES);
        } catch (NoSuchFileException e) {
            throw new ConfigException(
                    "Invalid value '" + file + "' for '" + CREDENTIALS_KEY + "', the GCS key file: it does not exist",
                    e);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(
                    "Invalid value '" + file + "' for '" + CREDENTIALS_KEY + "', the GCS key file: expected a"
                            + " service-account JSON key ("
                            + e.getMessage() + ")",
                    e);
        }
    }
}
