package io.chainline.sinks.consume;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.stage.RunReport;
import io.chainline.sinks.dlq.DeadLetterTopic;
import io.chainline.sinks.dlq.ReplayResult;
import io.chainline.testkit.EmbeddedServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dead letters are never lost: a letter the broker refuses stops the consumer before it commits past the poison
 * record, and a replayed letter is recorded only once the topic acknowledged it. The refusal is real: the topic's
 * {@code max.message.bytes} is lowered below the letter's size, then raised again.
 */
class DeadLetterDeliveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EmbeddedServices services = EmbeddedServices.kafka().withPostgres();

    @TempDir
    Path dir;

    @Test
    void aLetterTheDeadLetterTopicRefusesStopsTheConsumerBeforeItCommitsPastThePoisonRecord() throws Exception {
        SinksHarness harness = new SinksHarness(
                services.bootstrapServers(), services.postgres().jdbcUrl(), dir, "refused_letters");
        String dlq = harness.topic() + ".dlq";
        createTopic(dlq, 1, 1024);
        harness.produce(0, 30);
        RecordMetadata poison =
                harness.produceRaw("p1", ("not json " + "x".repeat(4096)).getBytes(StandardCharsets.UTF_8));
        harness.produce(30, 30);

        RunReport refused = harness.drain();

        assertThat(refused.succeeded()).isFalse();
        assertThat(String.valueOf(refused.failure().orElseThrow().error()))
                .contains("dead letter of " + harness.topic() + "/" + poison.partition() + "@" + poison.offset())
                .contains("'" + dlq + "'");
        TopicPartition partition = new TopicPartition(harness.topic(), poison.partition());
        OffsetAndMetadata committed = committed(harness.topic() + "-group").get(partition);
        if (committed != null) {
            assertThat(committed.offset())
                    .as("committed offset of the poison record's partition")
                    .isLessThanOrEqualTo(poison.offset());
        }

        setMaxMessageBytes(dlq, 1024 * 1024);
        RunReport retried = harness.drain();

        assertThat(retried.succeeded()).as(String.valueOf(retried.failure())).isTrue();
        assertThat(harness.bronze()).hasSize(60);
        assertThat(harness.rawFiles()).hasSize(60);
        assertThat(harness.deadLetters().list())
                .singleElement()
                .satisfies(group -> assertThat(group.reason()).startsWith("the value is not JSON"));
    }

    @Test
    void aReplayRecordsOnlyTheLettersTheTopicAcknowledgedAndSendsTheOthersNextTime() throws Exception {
        SinksHarness harness = new SinksHarness(
                services.bootstrapServers(), services.postgres().jdbcUrl(), dir, "replayed");
        String dlq = harness.topic() + ".dlq";
        createTopic(harness.topic(), 1, 8 * 1024);
        createTopic(dlq, 1, 1024 * 1024);
        Map<String, String> small = new DataCoGenerator(5).rows(0, 1).next().asHeaderMap();
        Map<String, String> large = new DataCoGenerator(5).rows(1, 1).next().asHeaderMap();
        large.put("Product Description", "y".repeat(16 * 1024));
        sendLetter(dlq, small);
        sendLetter(dlq, large);
        DeadLetterTopic letters = harness.deadLetters();

        assertThatThrownBy(() -> letters.replay(Optional.empty()))
                .isInstanceOf(ChainlineException.class)
                .hasMessageContaining("Replayed 1 of 2 dead letters")
                .hasMessageContaining("1 send to topic '" + harness.topic() + "' failed")
                .hasMessageContaining("not recorded as replayed");
        assertThat(Files.readAllLines(dir.resolve("dlq/replayed-" + dlq + ".txt")))
                .containsExactly("0:0");

        setMaxMessageBytes(harness.topic(), 1024 * 1024);
        ReplayResult again = letters.replay(Optional.empty());

        assertThat(again.replayed()).isEqualTo(1);
        assertThat(again.alreadyReplayed()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("dlq/replayed-" + dlq + ".txt")))
                .containsExactly("0:0", "0:1");
        assertThat(harness.drain().stages().get(0).rowsOut()).isEqualTo(2);
        assertThat(harness.bronze()).hasSize(2);
    }

    private static void sendLetter(String dlq, Map<String, String> values) throws Exception {
        Map<String, Object> letter = Map.of(
                "reason",
                "a test letter",
                "topic",
                "replayed",
                "partition",
                0,
                "offset",
                0,
                "key",
                values.get("Order Item Id"),
                "value",
                JSON.writeValueAsString(values),
                "timestamp",
                0);
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, services.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(dlq, null, JSON.writeValueAsBytes(letter)))
                    .get(60, TimeUnit.SECONDS);
        }
    }

    private static void createTopic(String topic, int partitions, int maxMessageBytes) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)
                            .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes)))))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }
    }

    private static void setMaxMessageBytes(String topic, int maxMessageBytes) throws Exception {
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            AlterConfigOp raise = new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes)),
                    AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(raise)))
                    .all()
                    .get(60, TimeUnit.SECONDS);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(60, TimeUnit.SECONDS);
        }
    }

    private static Admin admin() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", services.bootstrapServers());
        return Admin.create(properties);
    }
}
