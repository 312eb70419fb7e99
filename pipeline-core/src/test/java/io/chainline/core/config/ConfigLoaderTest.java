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
    void systemPropertiesOverrideTheEnvironment() throws IOException {
        ConfigSources sources = withApplicationConf(BOOTSTRAP + " = \"app:9092\"")
                .withConfigFile(file(BOOTSTRAP + " = \"file:9092\""))
                .withEnvironment(Map.of("CHAINLINE_KAFKA_BOOTSTRAP", "env:9092", "CHAINLINE_POSTGRES_USER", "env"))
                .withSystemProperties(Map.of(
                        BOOTSTRAP,
                        "sys:9092",
                        "chainline.postgres.properties",
                        "{ sslmode = require }",
                        "java.version",
                        "17",
                        "user.home",
                        "/home/x"));

        Config config = new ConfigLoader(sources).load();

        assertThat(config.getString(BOOTSTRAP)).isEqualTo("sys:9092");
        assertThat(config.getString("chainline.postgres.user")).isEqualTo("env");
        assertThat(config.getString("chainline.postgres.properties.sslmode")).isEqualTo("require");
        assertThat(config.root().keySet()).containsExactly("chainline");
    }

    @Test
    void setOverridesBeatEverything() throws IOException {
        ConfigSources sources = sources()
                .withConfigFile(file(BOOTSTRAP + " = \"file:9092\""))
                .withEnvironment(Map.of("CHAINLINE_KAFKA_BOOTSTRAP", "env:9092"))
                .withSystemProperties(Map.of(BOOTSTRAP, "sys:9092"))
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
    void theConfigFileSystemPropertyReplacesApplicationConf() throws IOException {
        Path replacement = dir.resolve("replacement.conf");
        Files.writeString(replacement, "chainline.postgres.user = replacement");
        ConfigSources sources = withApplicationConf(BOOTSTRAP + " = \"app:9092\"\nchainline.postgres.user = app")
                .withSystemProperties(Map.of("config.file", replacement.toString()));

        Config config = new ConfigLoader(sources).load();

        assertThat(config.getString("chainline.postgres.user")).isEqualTo("replacement");
        assertThat(config.getString(BOOTSTRAP))
                .as("application.conf is not read")
                .isEqualTo("embedded");
    }

    @Test
    void theConfigFileSystemPropertyIsBelowTheConfigOption() throws IOException {
        Path replacement = dir.resolve("replacement.conf");
        Files.writeString(replacement, BOOTSTRAP + " = \"sysfile:9092\"\nchainline.postgres.user = replacement");
        ConfigSources sources = sources()
                .withSystemProperties(Map.of("config.file", replacement.toString()))
                .withConfigFile(file(BOOTSTRAP + " = \"file:9092\""));

        Config config = new ConfigLoader(sources).load();

        assertThat(config.getString(BOOTSTRAP)).isEqualTo("file:9092");
        assertThat(config.getString("chainline.postgres.user")).isEqualTo("replacement");
    }

    @Test
    void theConfigResourceAndUrlSystemPropertiesReplaceApplicationConfToo() throws IOException {
        ConfigSources withApplication = withApplicationConf(BOOTSTRAP + " = \"app:9092\"");
        Path classpath = dir.resolve("classpath");
        Files.writeString(classpath.resolve("staging.conf"), "chainline.postgres.user = staging");
        Path remote = dir.resolve("remote.conf");
        Files.writeString(remote, "chainline.postgres.user = remote");

        Config fromResource = new ConfigLoader(
                        withApplication.withSystemProperties(Map.of("config.resource", "/staging.conf")))
                .load();
        Config fromUrl = new ConfigLoader(withApplication.withSystemProperties(
                        Map.of("config.url", remote.toUri().toString())))
                .load();

        assertThat(fromResource.getString("chainline.postgres.user")).isEqualTo("staging");
        assertThat(fromResource.getString(BOOTSTRAP)).isEqualTo("embedded");
        assertThat(fromUrl.getString("chainline.postgres.user")).isEqualTo("remote");
        assertThat(fromUrl.getString(BOOTSTRAP)).isEqualTo("embedded");
    }

    @Test
    void theApplicationSystemPropertiesMustNameSomethingThatExistsAndOnlyOne() {
        Path missing = dir.resolve("missing.conf");

        assertThatThrownBy(() -> new ConfigLoader(
                                sources().withSystemProperties(Map.of("config.file", missing.toString())))
                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value '" + missing + "' for system property 'config.file': the file does not"
                        + " exist");
        assertThatThrownBy(() ->
                        new ConfigLoader(sources().withSystemProperties(Map.of("config.resource", "nope.conf"))).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "Invalid value 'nope.conf' for system property 'config.resource': cannot" + " read it:");
        assertThatThrownBy(() -> new ConfigLoader(sources()
                                .withSystemProperties(Map.of("config.file", "a.conf", "config.url", "file:///b.conf")))
                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.file='a.conf'")
                .hasMessageContaining("config.url='file:///b.conf'")
                .hasMessageEndingWith(": set at most one of -Dconfig.file, -Dconfig.resource and -Dconfig.url");
    }

    @Test
    void unknownKeysAreFoundInEveryLayer() throws IOException {
        Path replacement = dir.resolve("replacement.conf");
        Files.writeString(replacement, "chainline.from-application = 1");
        ConfigSources sources = sources()
                .withSystemProperties(Map.of("config.file", replacement.toString(), "chainline.from-property", "1"))
                .withConfigFile(file("chainline.from-file = 1"))
                .withOverrides(List.of("chainline.from-set=1"));

        assertThatThrownBy(() -> new ConfigLoader(sources).load())
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(4))
                .hasMessageContaining("Unknown key 'chainline.from-application' (from " + replacement)
                .hasMessageContaining("Unknown key 'chainline.from-file' (from ")
                .hasMessageContaining(
                        "Unknown key 'chainline.from-property' (from system property chainline.from-property)")
                .hasMessageContaining("Unknown key 'chainline.from-set' (from --set chainline.from-set)");
    }

    @Test
    void theSourcesReadNoSystemPropertyUnlessGiven() {
        String key = "chainline.kafka.bootstrap";
        String before = System.getProperty(key);
        System.setProperty(key, "leak:9092");
        try {
            assertThat(new ConfigLoader(sources()).load().getString(BOOTSTRAP)).isEqualTo("embedded");
            assertThat(ConfigSources.defaults().systemProperties()).containsEntry(key, "leak:9092");
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
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
