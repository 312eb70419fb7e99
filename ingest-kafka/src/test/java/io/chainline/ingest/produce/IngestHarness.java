package io.chainline.ingest.produce;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.typesafe.config.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.chainline.core.inject.CoreModule;
import io.chainline.core.kafka.ConfiguredKafkaEndpoint;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.stage.ProgressListener;
import io.chainline.core.stage.RunContext;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunState;
import io.chainline.core.stage.StageChain;
import io.chainline.ingest.IngestModule;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.testkit.TestConfigs;

/**
 * Runs ingests against a real broker with topics of their own ({@code <prefix>}, {@code <prefix>.dlq},
 * {@code <prefix>.positions}) and reads topics back with a {@code read_committed} consumer.
 */
final class IngestHarness {
    private final String bootstrap;
    private final String prefix;
    private final List<String> settings;
    private RunContext lastRun;

    IngestHarness(String bootstrap, Path stateDir, String prefix, String... extra) {
        this.bootstrap = bootstrap;
        this.prefix = prefix;
        this.settings = new ArrayList<>(List.of(
                "chainline.kafka.bootstrap=" + bootstrap,
                "chainline.state-dir=" + stateDir,
                "chainline.ingest.topic=" + prefix,
                "chainline.ingest.dlq-topic=" + prefix + ".dlq",
                "chainline.ingest.positions-topic=" + prefix + ".positions",
                "chainline.ingest.transactional-id=" + prefix + "-tx",
                "chainline.ingest.transaction-rows=25",
                "chainline.ingest.linger=1ms"));
        this.settings.addAll(List.of(extra));
    }

    String topic() {
        return prefix;
    }

    String dlqTopic() {
        return prefix + ".dlq";
    }

    Config config() {
        return TestConfigs.load(settings.toArray(String[]::new));
    }

    /** One ingest run in a fresh injector, as one command would do it. */
    RunReport ingest(IngestRequest request) {
        return ingest(request, ProgressListener.NONE);
    }

    /** One ingest run reporting progress to {@code listener}. */
    RunReport ingest(IngestRequest request, ProgressListener listener) {
        return ingest(request, listener, binder -> {});
    }

    /** One ingest run reporting progress to {@code listener}, with {@code extra} bindings (more sources). */
    RunReport ingest(IngestRequest request, ProgressListener listener, Module extra) {
        Config config = config();
        Injector injector = Guice.createInjector(
                new CoreModule(config),
                new IngestModule(),
                extra,
                binder -> binder.bind(KafkaEndpoint.class).to(ConfiguredKafkaEndpoint.class));
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        try {
            RunContext context = RunContext.of(config).withProgress(listener);
            lastRun = context;
            return StageChain.named(
                            "stream-data",
                            injector.getInstance(IngestStageFactory.class).create(request, context.runId()))
                    .run(context);
        } finally {
            lifecycle.close();
        }
    }

    /** The state the last ingest run left for the stages after it. */
    RunState lastState() {
        return lastRun.state();
    }

    /** Every committed record of the topic, in partition then offset order, values as UTF-8 text. */
    List<ConsumerRecord<String, String>> read(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = stableEndOffsets(consumer, partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * The read_committed end offsets once no transaction is pending on the partitions, or after five seconds: the
     * markers of a transaction that was just committed or aborted reach the partitions a moment after the producer's
     * call returned, and until then the last stable offset stops before its records.
     */
    private Map<TopicPartition, Long> stableEndOffsets(
            KafkaConsumer<String, String> committed, List<TopicPartition> partitions) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<String, String> uncommitted =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            Map<TopicPartition, Long> written = uncommitted.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            Map<TopicPartition, Long> stable = committed.endOffsets(partitions);
            // a transaction left open on purpose (a killed producer) keeps them apart: read what is stable then
            while (!stable.equals(written) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                stable = committed.endOffsets(partitions);
            }
            return stable;
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return Stream.of(record.headers().toArray())
                .filter(h -> h.key().equals(name))
                .findFirst()
                .map(h -> new String(h.value(), StandardCharsets.UTF_8))
                .orElse(null);
    }
}
