package io.chainline.export.bigquery;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BigQueryConnectionTest {

    @TempDir
    Path dir;

    private static BigQuerySettings settings(Optional<String> project, String endpoint) {
        return new BigQuerySettings(
                project,
                "chainline",
                "EU",
                Optional.of(URI.create(endpoint)),
                List.of(),
                Duration.ofMinutes(1),
                Duration.ofSeconds(1));
    }

    @Test
    void aPlainHttpEndpointGetsNoCredentialsAndTheStoreProjectServesAsDefault() {
        try (BigQueryConnection connection = new BigQueryConnection(
                settings(Optional.empty(), "http://127.0.0.1:9/"),
                Optional.of("store-project"),
                Optional.of(dir.resolve("key.json")))) {
            BigQuery client = connection.client();

            assertThat(client.getOptions().getProjectId()).isEqualTo("store-project");
            assertThat(client.getOptions().getHost()).isEqualTo("http://127.0.0.1:9");
            assertThat(client.getOptions().getLocation()).isEqualTo("EU");
            assertThat(client.getOptions().getCredentials()).isSameAs(NoCredentials.getInstance());
            assertThat(connection.client()).isSameAs(client);
        }
    }

    @Test
    void theOwnProjectWinsOverTheStores() {
        try (BigQueryConnection connection = new BigQueryConnection(
                settings(Optional.of("bq-project"), "http://127.0.0.1:9"),
                Optional.of("store-project"),
                Optional.empty())) {
            assertThat(connection.client().getOptions().getProjectId()).isEqualTo("bq-project");
        }
    }

    @Test
    void aMissingKeyFileIsAConfigurationErrorNamingTheKey() {
        Path missing = dir.resolve("missing.json");
        try (BigQueryConnection connection = new BigQueryConnection(
                settings(Optional.of("p"), "https://bigquery.example.test"), Optional.empty(), Optional.of(missing))) {
            assertThatThrownBy(connection::client)
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("Invalid value '" + missing + "' for 'chainline.store.gcs.credentials-file', the"
                            + " BigQuery exporter's key file: it does not exist");
        }
    }

    @Test
    void aClosedConnectionRefusesToHandOutAClient() {
        BigQueryConnection connection = new BigQueryConnection(
                settings(Optional.of("p"), "http://127.0.0.1:9"), Optional.empty(), Optional.empty());
        connection.client();
        connection.close();

        assertThatThrownBy(connection::client)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the BigQuery connection is closed");
    }
}
