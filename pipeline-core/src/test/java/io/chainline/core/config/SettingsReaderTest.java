package io.chainline.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsReaderTest {
    private enum Mode {
        LOCAL,
        BIG_QUERY
    }

    private static SettingsReader reader(String hocon) {
        return SettingsReader.of(ConfigFactory.parseString(hocon), "chainline.x");
    }

    @Test
    void readsTypedValues() {
        SettingsReader read = reader("""
                chainline.x {
                  name = " n ", timeout = 5s, size = 128MiB, count = 7, flag = yes, mode = big-query,
                  url = "http://127.0.0.1:6789", dir = "~/state", list = [a, b],
                  client { "sasl.mechanism" = PLAIN, retries = 3 }, password = hunter2
                }
                """);

        assertThat(read.string("name")).isEqualTo(" n ");
        assertThat(read.optionalString("name")).contains("n");
        assertThat(read.duration("timeout", Duration.ofMillis(1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(read.bytes("size", 1)).isEqualTo(128L * 1024 * 1024);
        assertThat(read.intAtLeast("count", 1)).isEqualTo(7);
        assertThat(read.bool("flag")).isTrue();
        assertThat(read.enumValue("mode", Mode.class, Mode.LOCAL)).isEqualTo(Mode.BIG_QUERY);
        assertThat(read.uri("url")).isEqualTo(URI.create("http://127.0.0.1:6789"));
        assertThat(read.path("dir")).isEqualTo(Path.of(System.getProperty("user.home"), "state"));
        assertThat(read.stringList("list")).containsExactly("a", "b");
        assertThat(read.stringMap("client")).isEqualTo(Map.of("sasl.mechanism", "PLAIN", "retries", "3"));
        assertThat(read.secret("password").reveal()).isEqualTo("hunter2");
        assertThat(read.secret("password").toString()).isEqualTo("[hidden]");
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void reportsEveryProblemAtOnceNamingKeyValueAndExpectation() {
        SettingsReader read = reader("""
                chainline.x { timeout = soon, count = -1, mode = cloud, url = "no scheme", size = big,
                  password = { nested = 1 } }
                """);

        read.duration("timeout", Duration.ofMillis(1));
        read.intAtLeast("count", 1);
        read.enumValue("mode", Mode.class, Mode.LOCAL);
        read.uri("url");
        read.bytes("size", 1);
        read.string("missing");
        read.secret("password");

        assertThatThrownBy(read::throwIfInvalid)
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .containsExactly(
                                "Invalid value 'soon' for 'chainline.x.timeout': must be a duration with a unit, e.g. 5s or 250ms",
                                "Invalid value '-1' for 'chainline.x.count': must be >= 1",
                                "Invalid value 'cloud' for 'chainline.x.mode': must be one of local, big-query",
                                "Invalid value 'no scheme' for 'chainline.x.url': must be a URI (Illegal character in path)",
                                "Invalid value 'big' for 'chainline.x.size': must be a size with a unit, e.g. 128MiB",
                                "Missing value for 'chainline.x.missing': it must be set",
                                "Invalid value for 'chainline.x.password': must be a string (value hidden)"));
    }

    @Test
    void durationsBelowTheMinimumAreRejected() {
        SettingsReader read = reader("chainline.x.poll = 10ms");

        read.duration("poll", Duration.ofMillis(100));

        assertThat(read.problems())
                .containsExactly("Invalid value '10ms' for 'chainline.x.poll': must be at least 0.1s");
    }

    @Test
    void buildAllCollectsTheProblemsOfSeveralSettings() {
        Config config = ConfigFactory.parseString("chainline.a = x, chainline.b = y");
        List<Supplier<?>> factories = List.of(
                () -> {
                    SettingsReader read = SettingsReader.of(config, "chainline");
                    read.intAtLeast("a", 0);
                    read.throwIfInvalid();
                    return 1;
                },
                () -> {
                    SettingsReader read = SettingsReader.of(config, "chainline");
                    read.bool("b");
                    read.throwIfInvalid();
                    return 2;
                });

        assertThatThrownBy(() -> SettingsReader.buildAll(factories))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 'x' for 'chainline.a': must be a whole number")
                .hasMessageContaining("Invalid value 'y' for 'chainline.b': must be true or false");
    }
}
