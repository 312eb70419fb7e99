package io.chainline.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.CoreModule;
import io.chainline.core.inject.Registry;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.ingest.generator.GeneratorRecordSource;
import io.chainline.ingest.produce.IngestStageFactory;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.source.RecordSource;
import io.chainline.testkit.ReferenceConfAssertions;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IngestModuleTest {

    @Test
    void defaults() {
        assertThat(IngestSettings.from(TestConfigs.load()))
                .isEqualTo(new IngestSettings(
                        "supply_chain_data",
                        "supply_chain_data.dlq",
                        3,
                        (short) 1,
                        "supply_chain_data.positions",
                        "chainline-ingest",
                        50000,
                        IngestSettings.Compression.LZ4,
                        Duration.ofMillis(20),
                        512 * 1024));
    }

    @Test
    void everyKeyMapsToItsField() {
        Config config = TestConfigs.load(
                "chainline.ingest.topic=orders",
                "chainline.ingest.dlq-topic=orders.dead",
                "chainline.ingest.partitions=12",
                "chainline.ingest.replication-factor=3",
                "chainline.ingest.positions-topic=orders.pos",
                "chainline.ingest.transactional-id=tx-2",
                "chainline.ingest.transaction-rows=100",
                "chainline.ingest.compression=zstd",
                "chainline.ingest.linger=5ms",
                "chainline.ingest.batch-size=1MiB");

        assertThat(IngestSettings.from(config))
                .isEqualTo(new IngestSettings(
                        "orders",
                        "orders.dead",
                        12,
                        (short) 3,
                        "orders.pos",
                        "tx-2",
                        100,
                        IngestSettings.Compression.ZSTD,
                        Duration.ofMillis(5),
                        1024 * 1024));
    }

    @Test
    void invalidValuesAreAllReported() {
        Config config = TestConfigs.load(
                "chainline.ingest.topic=bad topic",
                "chainline.ingest.partitions=0",
                "chainline.ingest.replication-factor=40000");

        assertThatThrownBy(() -> IngestSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value '0' for 'chainline.ingest.partitions': must be >= 1")
                .hasMessageContaining("Invalid value '40000' for 'chainline.ingest.replication-factor':"
                        + " must be between 1 and 32767")
                .hasMessageContaining(
                        "Invalid value 'bad topic' for 'chainline.ingest.topic': must be a Kafka topic name");
    }

    @Test
    void theDeadLetterTopicMustDifferFromTheTopic() {
        Config config = TestConfigs.load("chainline.ingest.dlq-topic=supply_chain_data");

        assertThatThrownBy(() -> IngestSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'supply_chain_data' for 'chainline.ingest.dlq-topic':"
                        + " must differ from 'chainline.ingest.topic'");
    }

    /** Chainline's modules for ingest-kafka alone, with an endpoint that must not be used. */
    private static List<Module> modules(Module... extra) {
        List<Module> modules = new ArrayList<>(List.<Module>of(
                new CoreModule(TestConfigs.load()),
                new IngestModule(),
                binder -> binder.bind(KafkaEndpoint.class).toInstance(new KafkaEndpoint() {
                    @Override
                    public String bootstrapServers() {
                        throw new AssertionError("wiring must not connect");
                    }

                    @Override
                    public Properties clientProperties() {
                        throw new AssertionError("wiring must not connect");
                    }
                })));
        modules.addAll(List.of(extra));
        return modules;
    }

    private static Injector injector() {
        return Guice.createInjector(modules());
    }

    @Test
    void theModuleAloneWiresItsSettingsAndSources() {
        Injector injector = injector();

        assertThat(injector.getInstance(IngestSettings.class).topic()).isEqualTo("supply_chain_data");
        assertThat(injector.getInstance(IngestSettings.class)).isSameAs(injector.getInstance(IngestSettings.class));
        IngestStageFactory factory = injector.getInstance(IngestStageFactory.class);
        assertThat(factory.sources().names())
                .containsExactly(IngestRequest.CSV, IngestRequest.GENERATOR, IngestRequest.JDBC);
        assertThat(factory.sources().get("generator", "--source")).isInstanceOf(GeneratorRecordSource.class);
    }

    @Test
    void anUnknownSourceFailsWithTheRegisteredOnesBeforeConnecting() {
        IngestStageFactory factory = injector().getInstance(IngestStageFactory.class);

        assertThatThrownBy(() -> factory.create(IngestRequest.fromSources("orders-api"), "run-1"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown record source 'orders-api' for '--source': registered record sources are"
                        + " [csv, generator, jdbc]");
    }

    @Test
    void aRequestWithoutSourcesIsRejected() {
        IngestStageFactory factory = injector().getInstance(IngestStageFactory.class);

        assertThatThrownBy(() -> factory.create(IngestRequest.fromSources(), "run-1"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Nothing to ingest: give --input PATH, --generate N, --jdbc or --source NAME");
    }

    @Test
    void anEmbeddingProjectRegistersASourceByNameAndReplacesABuiltInOneByItsKey() {
        RecordSource none = request -> List.of();
        Injector injector = Guice.createInjector(Modules.override(modules(
                        binder -> IngestModule.addSource(binder, "orders-api").toInstance(none)))
                .with(binder -> binder.bind(IngestModule.sourceKey("csv")).toInstance(none)));

        Registry<RecordSource> sources =
                injector.getInstance(IngestStageFactory.class).sources();

        assertThat(sources.names()).containsExactly("csv", "generator", "jdbc", "orders-api");
        assertThat(sources.get("orders-api", "--source")).isSameAs(none);
        assertThat(sources.get("csv", "--source")).isSameAs(none);
    }

    @Test
    void theRequestNamesItsSourcesInOrder() {
        IngestRequest request = new IngestRequest(
                List.of("a.csv"), Optional.empty(), 10, 1, true, List.of("orders-api", "csv", "orders-api"));

        assertThat(request.sourceNames()).containsExactly("csv", "generator", "jdbc", "orders-api");
        assertThat(IngestRequest.fromSources().isEmpty()).isTrue();
        assertThat(IngestRequest.fromSources("orders-api").isEmpty()).isFalse();
    }

    @Test
    void everyReferenceKeyIsDocumented() {
        ReferenceConfAssertions.assertEveryKeyDocumented(IngestModule.class);
    }
}
