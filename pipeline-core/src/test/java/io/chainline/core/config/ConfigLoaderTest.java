package io.chainline.core.config;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test per configuration layer, lowest first, and the checks made after layering. */
class ConfigLoaderTest {
    private static final String BOOTSTRAP = "chainline.kafka.bootstrap";

    @TempDir
    Path dir;

    private ConfigSources sources() {
        return new ConfigSources(getClass().getClassLoader(), Optional.empty(), Map.of(), List.of());
    }

    private ConfigSources withApplicationConf(String content) throws IOException {
        Path classpath = Files.createDirectories(dir.resolve("classpath"));
        Files.writeString(classpath.resolve("application.conf"), content);
        URLClassLoader loader = new URLClassLoader(
                new URL[] {classpath.toUri().toURL()}, getClass().getClassLoader());
        return new ConfigSources(loader, Optional.empty(), Map.of(), List.of());
    }

    private Path file(String content) throws IOException {
        Path file = dir.resolve("chainline.conf");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void referenceConfGivesTheEmbeddedDefaults() {
        Config config = new ConfigLoader(sources()).load();

        assertThat(config.getString(BOOTSTRAP)).isEqualTo("embedded");
        assertThat(config.getString("chainline.postgres.url")).isEqualTo("embedded");
        assertThat(config.getString("chainline.store.root")).isEqualTo("file:./chainline-data");
        assertThat(config.getString("chainline.state-dir")).isEqualTo("~/.chainline");
        assertThat(config.root().keySet()).containsExactly("chainline");
    }

    @Test
    void applicationConfOverridesTheReference() throws IOException {
        Config config = new ConfigLoader(withApplicationConf(BOOTSTRAP + " = \"app:9092\"")).load();

        assertThat(config.getString(BOOTSTRAP)).isEqualTo("app:9092");
    }

    @Test
    void theConfigFileOverridesApplicationConf() throws IOException {
        ConfigSources sources = withApplicationConf(BOOTSTRAP + " = \"app:9092\"\nchainline.postgres.user = app")
                .withConfigFile(file(BOOTSTRAP + " = \"file:9092\""));

        Config config = new ConfigLoader(sources).load();

        assertThat(config.getString(BOOTSTRAP)).isEqualTo("file:9092");
        assertThat(config.getString("chainline.postgres.user")).isEqualTo("app");
    }

    @Test
    void theEnvironmentOverridesTheConfigFile() throws IOException {
        ConfigSources sources = withApplicationConf(BOOTSTRAP + " = \"app:9092\"")
                .withConfigFile(file(BOOTSTRAP + " = \"file:9092\"\nchainline.postgres.user = file"))
                .withEnvironment(Map.of(
                        "CHAINLINE_KAFKA_BOOTSTRAP", "env:9092", "PATH", "/usr/bin", "weird.name(x86)", "ignored"));

        Config config = new ConfigLoader(sources).load();

        assertThat(config.getString(BOOTSTRAP)).isEqualTo("env:9092");
        assertThat(config.getString("chainline.postgres.user")).isEqualTo("file");
    }

    @Test
    void setOverridesBeatEverything() throws IOException {
        ConfigSources sources = sources()
                .withConfigFile(file(BOOTSTRAP + " = \"file:9092\""))
                .withEnvironment(Map.of("CHAINLINE_KAFKA_BOOTSTRAP", "env:9092"))
                .withOverrides(List.of(
                        BOOTSTRAP + "=set:9092",
                        "chainline.store.root=gs://bucket/prefix//x",
                        "chainline.kafka.client={ \"security.protocol\" = SSL }"));

        Config config = new ConfigLoader(sources).load();

        assertThat(config.getString(BOOTSTRAP)).isEqualTo("set:9092");
        assertThat(config.getString("chainline.store.root")).isEqualTo("gs://bucket/prefix//x");
        assertThat(config.getString("chainline.kafka.client.\"security.protocol\""))
                .isEqualTo("SSL");
    }

    @Test
    void theConfigFileMaySubstituteEnvironmentVariables() throws IOException {
        ConfigSources sources = sources()
                .withConfigFile(file("chainline.postgres.password = ${?DB_SECRET}"))
                .withEnvironment(Map.of("DB_SECRET", "s3cret"));

        assertThat(new ConfigLoader(sources).load().getString("chainline.postgres.password"))
                .isEqualTo("s3cret");
    }

    @Test
    void unknownKeysAreErrorsWithASuggestion() throws IOException {
        ConfigSources sources = sources()
                .withConfigFile(
                        file(
                                "chainline.kafka.bootstrp = \"x:1\"\nchainline.totally-new = 1\nchainline.kafka.client.anything = 1"));

        assertThatThrownBy(() -> new ConfigLoader(sources).load())
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(2))
                .hasMessageContaining("2 configuration problems:")
                .hasMessageContaining("Unknown key 'chainline.kafka.bootstrp'")
                .hasMessageContaining("did you mean 'chainline.kafka.bootstrap'?")
                .hasMessageContaining("Unknown key 'chainline.totally-new'");
    }

    @Test
    void aMalformedSetIsAClearError() {
        assertThatThrownBy(() -> new ConfigLoader(sources().withOverrides(List.of("kafka.bootstrap"))).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'kafka.bootstrap' for '--set': expected chainline.<key>=<value>,"
                        + " e.g. --set chainline.kafka.bootstrap=localhost:9092");
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        Path missing = dir.resolve("nope.conf");

        assertThatThrownBy(() -> new ConfigLoader(sources().withConfigFile(missing)).load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value '" + missing + "' for '--config': the file does not exist");
    }

    @Test
    void everyKeyOfTheCoreReferenceConfHasAComment() {
        URL reference = getClass().getClassLoader().getResource("reference.conf");

        assertThat(reference).isNotNull();
        assertThat(ReferenceConfDocs.undocumentedKeys(reference)).isEmpty();
    }

    @Test
    void theDocumentationCheckFindsAnUncommentedKey() throws IOException {
        Path conf = dir.resolve("reference.conf");
        Files.writeString(conf, "chainline {\n  # documented\n  a = 1\n  b = 2\n  # a map\n  m {}\n  n {}\n}\n");

        assertThat(ReferenceConfDocs.undocumentedKeys(conf.toUri().toURL()))
                .containsExactlyInAnyOrder("chainline.b", "chainline.n");
    }
}
