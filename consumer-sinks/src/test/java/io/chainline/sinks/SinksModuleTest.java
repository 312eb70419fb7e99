package io.chainline.sinks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.CoreModule;
import io.chainline.core.kafka.ConfiguredKafkaEndpoint;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.postgres.ConfiguredPostgresEndpoint;
import io.chainline.core.postgres.PostgresEndpoint;
import io.chainline.sinks.consume.ConsumeStageFactory;
import io.chainline.sinks.spi.RawSink;
import io.chainline.testkit.ReferenceConfAssertions;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SinksModuleTest {

    @Test
    void defaults() {
        assertThat(SinksSettings.from(TestConfigs.load()))
                .isEqualTo(new SinksSettings(
                        "chainline-sinks",
                        Set.of("postgres", "raw"),
                        "supply_chain_data",
                        "supply_chain_data.dlq",
                        Duration.ofMillis(500),
                        5000,
                        16L * 1024 * 1024,
                        Duration.ofSeconds(1)));
    }

    @Test
    void everyKeyMapsToItsField() {
        Config config = TestConfigs.load(
                "chainline.sinks.group-id=g2",
                "chainline.sinks.enabled=[raw]",
                "chainline.sinks.topic=t",
                "chainline.sinks.dlq-topic=t.dead",
                "chainline.sinks.poll-timeout=2s",
                "chainline.sinks.batch.max-records=10",
                "chainline.sinks.batch.max-bytes=1MiB",
                "chainline.sinks.batch.max-wait=50ms");

        assertThat(SinksSettings.from(config))
                .isEqualTo(new SinksSettings(
                        "g2",
                        Set.of("raw"),
                        "t",
                        "t.dead",
                        Duration.ofSeconds(2),
                        10,
                        1024L * 1024,
                        Duration.ofMillis(50)));
    }

    @Test
    void unknownSinksAreRejectedWithTheKnownOnes() {
        Config config = TestConfigs.load("chainline.sinks.enabled=[raw, s3]", "chainline.sinks.group-id=");

        assertThatThrownBy(() -> SinksSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value '[raw, s3]' for 'chainline.sinks.enabled': unknown sink [s3];"
                        + " known sinks are [postgres, raw]")
                .hasMessageContaining("Invalid value '' for 'chainline.sinks.group-id': must not be empty");
    }

    @Test
    void theModuleAloneWiresItsSettingsAndSinks(@TempDir Path store) {
        Injector injector = Guice.createInjector(
                new CoreModule(TestConfigs.load(
                        "chainline.kafka.bootstrap=127.0.0.1:1",
                        "chainline.postgres.url=jdbc:postgresql://127.0.0.1:1/x",
                        "chainline.store.root=" + store.toUri())),
                new SinksModule(),
                binder -> {
                    binder.bind(KafkaEndpoint.class).to(ConfiguredKafkaEndpoint.class);
                    binder.bind(PostgresEndpoint.class).to(ConfiguredPostgresEndpoint.class);
                });

        assertThat(injector.getInstance(SinksSettings.class).groupId()).isEqualTo("chainline-sinks");
        assertThat(injector.getInstance(Key.get(new TypeLiteral<Set<RawSink>>() {})))
                .extracting(RawSink::type)
                .containsExactlyInAnyOrder("postgres", "raw");
        assertThat(injector.getInstance(ConsumeStageFactory.class)).isNotNull();
    }

    @Test
    void everyReferenceKeyIsDocumented() {
        ReferenceConfAssertions.assertEveryKeyDocumented(SinksModule.class);
    }
}
