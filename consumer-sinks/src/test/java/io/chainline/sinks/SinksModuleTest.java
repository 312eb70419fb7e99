package io.chainline.sinks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.CoreModule;
import io.chainline.core.inject.Registry;
import io.chainline.core.kafka.ConfiguredKafkaEndpoint;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.postgres.ConfiguredPostgresEndpoint;
import io.chainline.core.postgres.PostgresEndpoint;
import io.chainline.sinks.consume.ConsumeRequest;
import io.chainline.sinks.consume.ConsumeStageFactory;
import io.chainline.sinks.postgres.PostgresRawSink;
import io.chainline.sinks.raw.BlobRawSink;
import io.chainline.sinks.spi.RawBatch;
import io.chainline.sinks.spi.RawSink;
import io.chainline.sinks.spi.SinkStats;
import io.chainline.testkit.ReferenceConfAssertions;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SinksModuleTest {

    @Test
    void defaults() {
        assertThat(SinksSettings.from(TestConfigs.load(), BUILT_IN))
                .isEqualTo(new SinksSettings(
                        "chainline-sinks",
                        Set.of("postgres", "raw"),
                        "supply_chain_data",
                        "supply_chain_data.dlq",
                        Duration.ofMillis(500),
                        5000,
                        16L * 1024 * 1024,
                        Duration.ofSeconds(1),
                        new RetrySettings(Duration.ofMinutes(2), Duration.ofMillis(500), Duration.ofSeconds(10))));
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
                "chainline.sinks.batch.max-wait=50ms",
                "chainline.sinks.retry.max-elapsed=30s",
                "chainline.sinks.retry.initial-backoff=20ms",
                "chainline.sinks.retry.max-backoff=3s");

        assertThat(SinksSettings.from(config, BUILT_IN))
                .isEqualTo(new SinksSettings(
                        "g2",
                        Set.of("raw"),
                        "t",
                        "t.dead",
                        Duration.ofSeconds(2),
                        10,
                        1024L * 1024,
                        Duration.ofMillis(50),
                        new RetrySettings(Duration.ofSeconds(30), Duration.ofMillis(20), Duration.ofSeconds(3))));
    }

    @Test
    void aCooperativeAssignorIsRefusedInOneLineNamingTheKeyTheValueAndWhy() {
        Config config = TestConfigs.load("chainline.kafka.client={ \"partition.assignment.strategy\" ="
                + " \"org.apache.kafka.clients.consumer.CooperativeStickyAssignor\" }");

        assertThatThrownBy(() -> SinksSettings.from(config, BUILT_IN))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value 'org.apache.kafka.clients.consumer.CooperativeStickyAssignor'"
                        + " for 'chainline.kafka.client.partition.assignment.strategy': the consume stage needs eager"
                        + " rebalancing")
                .hasMessageContaining("use org.apache.kafka.clients.consumer.RangeAssignor")
                .hasMessageNotContaining("\n");
    }

    @Test
    void theConsumerGroupProtocolIsRefusedNamingTheKeyTheValueAndWhy() {
        Config config = TestConfigs.load("chainline.kafka.client={ \"group.protocol\" = consumer }");

        assertThatThrownBy(() -> SinksSettings.from(config, BUILT_IN))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid value 'consumer' for 'chainline.kafka.client.group.protocol': the"
                        + " consume stage needs eager rebalancing")
                .hasMessageContaining("KIP-848")
                .hasMessageNotContaining("\n");
    }

    @Test
    void eagerAssignorsAndTheClassicProtocolAreAccepted() {
        Config config = TestConfigs.load("chainline.kafka.client={ \"group.protocol\" = CLASSIC,"
                + " \"partition.assignment.strategy\" = \"org.apache.kafka.clients.consumer.RoundRobinAssignor,"
                + " org.apache.kafka.clients.consumer.RangeAssignor\" }");

        assertThat(SinksSettings.from(config, BUILT_IN).groupId()).isEqualTo("chainline-sinks");
    }

    @Test
    void aMaxBackoffShorterThanTheInitialOneIsRefused() {
        Config config =
                TestConfigs.load("chainline.sinks.retry.initial-backoff=2s", "chainline.sinks.retry.max-backoff=1s");

        assertThatThrownBy(() -> SinksSettings.from(config, BUILT_IN))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value '1s' for 'chainline.sinks.retry.max-backoff': must be at least"
                        + " 'chainline.sinks.retry.initial-backoff'");
    }

    @Test
    void unknownSinksAreRejectedWithTheRegisteredOnes() {
        Config config = TestConfigs.load("chainline.sinks.enabled=[raw, s3]", "chainline.sinks.group-id=");

        assertThatThrownBy(() -> SinksSettings.from(config, BUILT_IN))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Unknown sink 's3' for 'chainline.sinks.enabled': registered sinks are" + " [postgres, raw]")
                .hasMessageContaining("Invalid value '' for 'chainline.sinks.group-id': must not be empty");
    }

    @Test
    void atLeastOneSinkIsEnabled() {
        assertThatThrownBy(() -> SinksSettings.from(TestConfigs.load("chainline.sinks.enabled=[]"), BUILT_IN))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value '[]' for 'chainline.sinks.enabled': must name at least one of the"
                        + " registered sinks [postgres, raw]");
    }

    @Test
    void theModuleAloneWiresItsSettingsAndSinks(@TempDir Path store) {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, modules(store));

        assertThat(injector.getInstance(SinksSettings.class).groupId()).isEqualTo("chainline-sinks");
        Registry<RawSink> sinks =
                injector.getInstance(ConsumeStageFactory.class).sinks();
        assertThat(sinks.names()).containsExactly("postgres", "raw");
        assertThat(sinks.get("postgres", "test")).isInstanceOf(PostgresRawSink.class);
        RawSink raw = sinks.get("raw", "test");
        assertThat(raw).isInstanceOf(BlobRawSink.class).isNotSameAs(sinks.get("raw", "test"));
    }

    @Test
    void anUnknownEnabledSinkFailsWhenTheInjectorIsBuilt(@TempDir Path store) {
        List<Module> modules = modules(store, "chainline.sinks.enabled=[postgres, my-sink]");

        assertThatThrownBy(() -> Guice.createInjector(Stage.PRODUCTION, modules))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("Unknown sink 'my-sink' for 'chainline.sinks.enabled': registered sinks are"
                        + " [postgres, raw]");
    }

    @Test
    void aSinkRegisteredByAnotherModuleCanBeEnabled(@TempDir Path store) {
        List<Module> modules = modules(store, "chainline.sinks.enabled=[postgres, my-sink]");
        modules.add(binder -> SinksModule.addSink(binder, "my-sink").to(CountingSink.class));

        Injector injector = Guice.createInjector(Stage.PRODUCTION, modules);

        assertThat(injector.getInstance(SinksSettings.class).enabled())
                .containsExactlyInAnyOrder("postgres", "my-sink");
        assertThat(injector.getInstance(ConsumeStageFactory.class).sinks().get("my-sink", "test"))
                .isInstanceOf(CountingSink.class);
    }

    @Test
    void aRequestNamingAnUnknownSinkFailsBeforeConnecting(@TempDir Path store) {
        ConsumeStageFactory factory = Guice.createInjector(modules(store)).getInstance(ConsumeStageFactory.class);

        assertThatThrownBy(() -> factory.create(new ConsumeRequest(true, Set.of("raw", "s3"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown sink 's3' for '--sinks': registered sinks are [postgres, raw]");
    }

    @Test
    void aBuiltInSinkIsReplacedByOverridingItsKey(@TempDir Path store) {
        Injector injector = Guice.createInjector(Modules.override(modules(store))
                .with(binder -> binder.bind(SinksModule.sinkKey("raw")).to(CountingSink.class)));

        assertThat(injector.getInstance(ConsumeStageFactory.class).sinks().get("raw", "test"))
                .isInstanceOf(CountingSink.class);
    }

    private static List<Module> modules(Path store, String... settings) {
        List<String> all = new ArrayList<>(List.of(
                "chainline.kafka.bootstrap=127.0.0.1:1",
                "chainline.postgres.url=jdbc:postgresql://127.0.0.1:1/x",
                "chainline.store.root=" + store.toUri()));
        all.addAll(List.of(settings));
        return new ArrayList<>(List.<Module>of(
                new CoreModule(TestConfigs.load(all.toArray(String[]::new))), new SinksModule(), binder -> {
                    binder.bind(KafkaEndpoint.class).to(ConfiguredKafkaEndpoint.class);
                    binder.bind(PostgresEndpoint.class).to(ConfiguredPostgresEndpoint.class);
                }));
    }

    /** The built-in sinks' names, for settings read without an injector. */
    private static final Registry<RawSink> BUILT_IN = new Registry<>(
            "sink",
            Map.<String, Provider<RawSink>>of(
                    "postgres", SinksModuleTest::notCreated,
                    "raw", SinksModuleTest::notCreated));

    private static RawSink notCreated() {
        throw new AssertionError("settings must not create sinks");
    }

    /** An embedding project's sink: counts what it is given. */
    static final class CountingSink implements RawSink {
        private final Map<Integer, Long> durable = new HashMap<>();
        private long rows;

        @Override
        public void assigned(String topic, String topicId, Collection<Integer> partitions) {}

        @Override
        public void write(RawBatch batch) {
            rows += batch.records().size();
            durable.putAll(batch.consumedUpTo());
        }

        @Override
        public void flush() {}

        @Override
        public void revoked(Collection<Integer> partitions) {
            partitions.forEach(durable::remove);
        }

        @Override
        public Map<Integer, Long> durableUpTo() {
            return Map.copyOf(durable);
        }

        @Override
        public SinkStats stats() {
            return new SinkStats(rows, 0, 0, 0, 0);
        }

        @Override
        public void close() {}
    }

    @Test
    void everyReferenceKeyIsDocumented() {
        ReferenceConfAssertions.assertEveryKeyDocumented(SinksModule.class);
    }
}
