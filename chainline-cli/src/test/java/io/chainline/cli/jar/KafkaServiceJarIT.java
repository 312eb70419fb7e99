package io.chainline.cli.jar;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest flow as a user runs it with the jar: {@code start-kafka} returns once the broker is ready,
 * {@code stream-data --generate 10000} sends to it, {@code status} shows it, {@code stop-all} stops it.
 */
class KafkaServiceJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    java.nio.file.Path home;

    private JarProcess jar;

    @AfterEach
    void stopEverything() throws Exception {
        if (jar != null) {
            jar.run("stop-all");
        }
    }

    @Test
    void startKafkaStreamDataStatusAndStopAll() throws Exception {
        jar = new JarProcess(home);

        JarProcess.Result started = jar.run("start-kafka");
        assertThat(started.exitCode()).as(started.err()).isZero();
        String address = started.out().trim();
        assertThat(address).matches("127\\.0\\.0\\.1:\\d+");

        JarProcess.Result status = jar.run("status");
        assertThat(status.out()).containsPattern("kafka +running +\\d+ +" + address.replace(".", "\\."));

        JarProcess.Result streamed = jar.run("stream-data", "--generate", "10000", "--json");
        assertThat(streamed.exitCode()).as(streamed.err()).isZero();
        JsonNode stage = JSON.readTree(streamed.out()).get("stages").get(0);
        assertThat(stage.get("rowsIn").asLong()).isEqualTo(10_000);
        assertThat(stage.get("rowsOut").asLong()).isEqualTo(10_000);
        assertThat(stage.get("rowsRejected").asLong()).isZero();
        assertThat(committedRecords(address, "supply_chain_data")).isEqualTo(10_000);

        JarProcess.Result again = jar.run("stream-data", "--generate", "10000");
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).contains("already ingested completely (10000 rows read, 10000 sent, 0 rejected");

        JarProcess.Result stopped = jar.run("stop-all");
        assertThat(stopped.err()).contains("kafka: stopped");
        assertThat(jar.run("status").err()).contains("No services are running.");

        JarProcess.Result restarted = jar.run("start-kafka");
        assertThat(restarted.exitCode()).as(restarted.err()).isZero();
        assertThat(committedRecords(restarted.out().trim(), "supply_chain_data"))
                .as("records kept over a restart")
                .isEqualTo(10_000);
    }

    private static long committedRecords(String bootstrap, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime())
                        .as("read %s to its end within 60 s", topic)
                        .isLessThan(deadline);
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }
}
