package io.chainline.export.bigquery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;

import io.chainline.core.error.ConfigException;

import static java.util.Objects.requireNonNull;

/**
 * The run's BigQuery client, built on first use from {@link BigQuerySettings} and owned by the lifecycle, which
 * closes it. Authenticates with the service-account key file when one is configured, else with application default
 * credentials (none at all is a configuration error naming the key file setting, before any request); a plain {@code http://} endpoint (an emulator or a test stub) gets no credentials at all, so tokens
 * never travel unencrypted.
 */
public final class BigQueryConnection implements AutoCloseable {
    private static final List<String> SCOPES = List.of("https://www.googleapis.com/auth/cloud-platform");

    private final BigQuerySettings settings;
    private final Optional<String> storeProject;
    private final Optional<Path> credentialsFile;
    private BigQuery client;
    private boolean closed;

    /**
     * A connection that is not open yet.
     *
     * @param settings project, location and endpoint
     * @param storeProject {@code chainline.store.gcs.project}, used when the settings name no project
     * @param credentialsFile {@code chainline.store.gcs.credentials-file}; empty for application default credentials
     */
    public BigQueryConnection(
            BigQuerySettings settings, Optional<String> storeProject, Optional<Path> credentialsFile) {
        this.settings = requireNonNull(settings, "settings is null");
        this.storeProject = requireNonNull(storeProject, "storeProject is null");
        this.credentialsFile = requireNonNull(credentialsFile, "credentialsFile is null");
    }

    /**
     * The client, built on the first call.
     *
     * @throws ConfigException when the key file cannot be read or no project can be determined
     * @throws IllegalStateException when the connection was closed
     */
    public synchronized BigQuery client() {
        if (closed) {
            throw new IllegalStateException("the BigQuery connection is closed");
        }
        if (client == null) {
            client = build();
        }
        return client;
    }

    /** The settings the client is built from. */
    public BigQuerySettings settings() {
        return settings;
    }

    /** Drops the client; later calls to {@link #client()} fail. */
    @Override
    public synchronized void close() {
        closed = true;
        client = null;
    }

    private BigQuery build() {
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder().setLocation(settings.location());
        settings.project().or(() -> storeProject).ifPresent(options::setProjectId);
        boolean plainHttp =
                settings.endpoint().map(uri -> "http".equals(uri.getScheme())).orElse(false);
        settings.endpoint().ifPresent(uri -> options.setHost(uri.toString().replaceAll("/+$", "")));
        if (plainHttp) {
            options.setCredentials(NoCredentials.getInstance());
        } else {
            options.setCredentials(credentialsFile
                    .map(BigQueryConnection::serviceAccount)
                    .orElseGet(BigQueryConnection::applicationDefault));
        }
        try {
            return options.build().getService();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    "Missing value for 'chainline.export.bigquery.project': no project is set and"
                            + " none can be determined from the credentials or the environment (" + e.getMessage()
                            + ")",
                    e);
        }
    }

    /**
     * Application default credentials, looked up before the client exists: without any, the client would be built
     * with none and fail on its first request with a message that does not say which setting is missing.
     */
    private static GoogleCredentials applicationDefault() {
        try {
            return GoogleCredentials.getApplicationDefault();
        } catch (IOException e) {
            throw new ConfigException(
                    // No "'key': value" shape: redaction would mask the word after the key's colon.
                    "Missing value for 'chainline.store.gcs.credentials-file', a service-account JSON key: the"
                            + " BigQuery exporter found no credentials, and no application default credentials either"
                            + " (GOOGLE_APPLICATION_CREDENTIALS, gcloud auth application-default login, a Google"
                            + " Cloud VM's service account)",
                    e);
        }
    }

    private static GoogleCredentials serviceAccount(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return GoogleCredentials.fromStream(in).createScoped(SCOPES);
        } catch (NoSuchFileException e) {
            throw new ConfigException(
                    "Invalid value '" + file + "' for 'chainline.store.gcs.credentials-file', the BigQuery"
                            + " exporter's key file: it does not exist",
                    e);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(
                    "Invalid value '" + file + "' for 'chainline.store.gcs.credentials-file', the BigQuery"
                            + " exporter's key file: expected a service-account JSON key (" + e.getMessage() + ")",
                    e);
        }
    }

    @Override
    public String toString() {
        return "BigQueryConnection[" + settings.project().or(() -> storeProject).orElse("default project") + "."
                + settings.dataset() + "]";
    }
}
