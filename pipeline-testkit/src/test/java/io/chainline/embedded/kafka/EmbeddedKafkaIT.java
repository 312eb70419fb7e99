package io.chainline.embedded.kafka;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;
import io.chainline.testkit.Await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKafkaIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    @Test
    void idempotentProducerRecordsAreReadBackByAConsumerGroup() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(temp.resolve("kafka"))) {
            assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
            assertThat(kafka.logDir()).isEqualTo(temp.resolve("kafka").toAbsolutePath());
            createTopic(kafka, "orders", 3);

            List<String> sent =
                    IntStream.range(0, 1_000).mapToObj(i -> "order-" + i).collect(Collectors.toList());
            try (KafkaProducer<String, String> producer = producer(
                    kafka,
                    Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", ProducerConfig.ACKS_CONFIG, "all"))) {
                for (String value : sent) {
                    producer.send(new ProducerRecord<>("orders", value, value));
                }
                producer.flush();
            }

            List<ConsumerRecord<String, String>> read;
            try (KafkaConsumer<String, String> consumer = consumer(
                    kafka,
                    Map.of(
                            ConsumerConfig.GROUP_ID_CONFIG,
                            "readers",
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest"))) {
                consumer.subscribe(List.of("orders"));
                read = readAtLeast(consumer, sent.size());
                consumer.commitSync();
            }
            assertThat(read).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(read).extracting(ConsumerRecord::partition).containsOnly(0, 1, 2);
        }
    }

    @Test
    void readCommittedConsumerSeesCommittedTransactionsOnly() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(temp.resolve("kafka"))) {
            createTopic(kafka, "tx", 1);
            try (KafkaProducer<String, String> producer =
                    producer(kafka, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "chainline-tx"))) {
                producer.initTransactions();
                sendInTransaction(producer, List.of("committed-1", "committed-2"));
                producer.commitTransaction();
                sendInTransaction(producer, List.of("aborted-1", "aborted-2"));
                producer.abortTransaction();
                sendInTransaction(producer, List.of("committed-3"));
                producer.commitTransaction();
            }

            assertThat(values(readFromStart(kafka, "tx", "read_committed", 3)))
                    .containsExactly("committed-1", "committed-2", "committed-3");
            assertThat(values(readFromStart(kafka, "tx", "read_uncommitted", 5)))
                    .containsExactly("committed-1", "committed-2", "aborted-1", "aborted-2", "committed-3");
        }
    }

    @Test
    void restartOnTheSameLogDirKeepsTopicsAndRecords() throws Exception {
        Path dir = temp.resolve("kafka");
        int port = freePort();
        Uuid topicId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, port)) {
            assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            createTopic(kafka, "kept", 2);
            send(kafka, "kept", List.of("a", "b", "c"));
            topicId = describe(kafka, "kept").topicId();
        }
        assertThat(dir.resolve("meta.properties")).isRegularFile();

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, port)) {
            TopicDescription topic = describe(kafka, "kept");
            assertThat(topic.topicId()).isEqualTo(topicId);
            assertThat(topic.partitions()).hasSize(2);
            assertThat(values(readFromStart(kafka, "kept", "read_uncommitted", 3)))
                    .containsExactlyInAnyOrder("a", "b", "c");
        }
    }

    @Test
    void twoBrokersInOneJvmAreIndependent() throws Exception {
        try (EmbeddedKafka first = EmbeddedKafka.start(temp.resolve("first"));
                EmbeddedKafka second = EmbeddedKafka.start(temp.resolve("second"))) {
            assertThat(first.bootstrapServers()).isNotEqualTo(second.bootstrapServers());
            createTopic(first, "events", 1);
            createTopic(second, "events", 1);
            send(first, "events", List.of("first-1"));
            send(second, "events", List.of("second-1", "second-2"));

            assertThat(describe(first, "events").topicId())
                    .isNotEqualTo(describe(second, "events").topicId());
            assertThat(values(readFromStart(first, "events", "read_uncommitted", 1)))
                    .containsExactly("first-1");
            assertThat(values(readFromStart(second, "events", "read_uncommitted", 2)))
                    .containsExactly("second-1", "second-2");
        }
    }

    @Test
    void closeTwiceIsHarmless() {
        EmbeddedKafka kafka = EmbeddedKafka.start(temp.resolve("kafka"));
        kafka.close();
        kafka.close();
    }

    @Test
    void busyPortFailsNamingTheLogDir() throws Exception {
        Path dir = temp.resolve("kafka");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedKafka.start(dir, taken.getLocalPort()))
                    .isInstanceOf(ChainlineException.class)
                    .hasMessageContaining("Kafka broker on log dir " + dir.toAbsolutePath())
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("did not start")
                    .hasMessageContaining("Address already in use");
        }
    }

    @Test
    void invalidPortIsRejected() {
        assertThatThrownBy(() -> EmbeddedKafka.start(temp, 70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("brokerPort is 70000: expected 0 (a free port) or 1 to 65535");
    }

    private static void createTopic(EmbeddedKafka kafka, String name, int partitions) throws Exception {
        try (Admin admin = admin(kafka)) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get();
        }
    }

    private static TopicDescription describe(EmbeddedKafka kafka, String name)
            throws InterruptedException, ExecutionException {
        try (Admin admin = admin(kafka)) {
            return admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
        }
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static void send(EmbeddedKafka kafka, String topic, List<String> values) {
        try (KafkaProducer<String, String> producer = producer(kafka, Map.of())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value));
            }
            producer.flush();
        }
    }

    private static void sendInTransaction(KafkaProducer<String, String> producer, List<String> values) {
        producer.beginTransaction();
        for (String value : values) {
            producer.send(new ProducerRecord<>("tx", value));
        }
        producer.flush();
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka kafka, Map<String, String> settings) {
        Properties props = new Properties();
        props.putAll(settings);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafka kafka, Map<String, String> settings) {
        Properties props = new Properties();
        props.putAll(settings);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** Every record of every partition of {@code topic}, read without a group, in offset order per partition. */
    private static List<ConsumerRecord<String, String>> readFromStart(
            EmbeddedKafka kafka, String topic, String isolation, int expected) {
        try (KafkaConsumer<String, String> consumer =
                consumer(kafka, Map.of(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> read = readAtLeast(consumer, expected);
            // Nothing beyond the expected records: one more poll returns none.
            consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            return read;
        }
    }

    private static List<ConsumerRecord<String, String>> readAtLeast(
            KafkaConsumer<String, String> consumer, int expected) {
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        Await.until(TIMEOUT, "consumer did not read " + expected + " records", () -> {
            consumer.poll(Duration.ofMillis(100)).forEach(read::add);
            return read.size() >= expected;
        });
        return read;
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).collect(Collectors.toList());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
