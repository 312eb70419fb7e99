package io.chainline.core.settings;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;

import io.chainline.core.config.ConfigLoader;
import io.chainline.core.config.ConfigSources;
import io.chainline.core.config.Secret;
import io.chainline.core.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Defaults, full mapping and invalid values of the shared connection settings. */
class CoreSettingsTest {

    private static Config load(String... sets) {
        return new ConfigLoader(new ConfigSources(
                        CoreSettingsTest.class.getClassLoader(), Optional.empty(), Map.of(), List.of(sets)))
                .load();
    }

    @Test
    void defaultsAreTheEmbeddedOnes() {
        Config config = load();

        assertThat(KafkaSettings.from(config)).isEqualTo(new KafkaSettings("embedded", Map.of()));
        assertThat(KafkaSettings.from(config).isEmbedded()).isTrue();
        assertThat(PostgresSettings.from(config))
                .isEqualTo(new PostgresSettings("embedded", "chainline", Secret.empty(), Map.of()));
        assertThat(StoreSettings.from(config))
                .isEqualTo(new StoreSettings("file:./chainline-data", Optional.empty(), Optional.empty()));
        assertThat(StateSettings.from(config).stateDir())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".chainline"));
    }

    @Test
    void everyKeyMapsToItsField() {
        Config config = load(
                "chainline.kafka.bootstrap=k1:9092,k2:9093",
                "chainline.kafka.client={ \"security.protocol\" = SSL }",
                "chainline.postgres.url=jdbc:postgresql://db:5432/x",
                "chainline.postgres.user=app",
                "chainline.postgres.password=pw",
                "chainline.postgres.properties={ sslmode = require }",
                "chainline.store.root=gs://bucket/prefix",
                "chainline.store.gcs.project=proj",
                "chainline.store.gcs.credentials-file=/keys/sa.json",
                "chainline.state-dir=/var/lib/chainline");

        assertThat(KafkaSettings.from(config))
                .isEqualTo(new KafkaSettings("k1:9092,k2:9093", Map.of("security.protocol", "SSL")));
        assertThat(KafkaSettings.from(config).clientProperties("k1:9092"))
                .containsEntry("bootstrap.servers", "k1:9092")
                .containsEntry("security.protocol", "SSL");
        assertThat(PostgresSettings.from(config))
                .isEqualTo(new PostgresSettings(
                        "jdbc:postgresql://db:5432/x", "app", Secret.of("pw"), Map.of("sslmode", "require")));
        assertThat(PostgresSettings.from(config).connectionProperties())
                .containsEntry("user", "app")
                .containsEntry("password", "pw")
                .containsEntry("sslmode", "require");
        assertThat(StoreSettings.from(config))
                .isEqualTo(new StoreSettings(
                        "gs://bucket/prefix", Optional.of("proj"), Optional.of(Path.of("/keys/sa.json"))));
        assertThat(StoreSettings.from(config).isGcs()).isTrue();
        assertThat(StateSettings.from(config).stateDir()).isEqualTo(Path.of("/var/lib/chainline"));
    }

    @Test
    void invalidValuesNameKeyValueAndExpectation() {
        Config config = load(
                "chainline.kafka.bootstrap=localhost",
                "chainline.postgres.url=mysql://x",
                "chainline.store.root=s3://bucket",
                "chainline.postgres.user=");

        assertThatThrownBy(() -> KafkaSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'localhost' for 'chainline.kafka.bootstrap': must be 'embedded' or a"
                        + " comma-separated list of host:port, e.g. localhost:9092");
        assertThatThrownBy(() -> PostgresSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 'mysql://x' for 'chainline.postgres.url': must be 'embedded' or a"
                        + " PostgreSQL JDBC URL")
                .hasMessageContaining("Invalid value '' for 'chainline.postgres.user': must not be empty");
        assertThatThrownBy(() -> StoreSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 's3://bucket' for 'chainline.store.root': the scheme 's3' is not"
                        + " supported; accepted forms: gs://bucket,"
                        + " gs://bucket/prefix, file:/absolute/path, file:relative/path, or a plain directory path");
    }
}
