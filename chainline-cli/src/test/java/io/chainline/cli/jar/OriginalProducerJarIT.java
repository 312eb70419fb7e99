package io.chainline.cli.jar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.generator.GeneratedRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chainline as a drop-in for the original project: right after {@code start-kafka}, a producer that is not
 * Chainline's ingest (a plain {@link KafkaProducer}, as the original Python producer: no key, one JSON object per
 * CSV row keyed by the 53 original column names) writes to {@code supply_chain_data} without creating it, and
 * {@code consume --until-caught-up} lands every message in bronze and in the raw files.
 */
class OriginalProducerJarIT {
    private static final int ROWS = 2_000;
    private static final int PARTITIONS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private JarProcess jar;

    @AfterEach
    void stopEverything() throws Exception {
        if (jar != null) {
            jar.run("stop-all");
        }
    }

    @Test
    void keylessJsonRowsOfAnotherProducerLandInBronzeAndRaw() throws Exception {
        jar = new JarProcess(home);
        String store = "--set=chainline.store.root=" + home.resolve("data").toUri();

        JarProcess.Result kafka = jar.run("start-kafka", "--set", "chainline.ingest.partitions=" + PARTITIONS);
        assertThat(kafka.exitCode()).as(kafka.err()).isZero();
        String bootstrap = kafka.out().trim();
        assertTopics(bootstrap);

        List<String> orderItemIds = produceKeylessRows(bootstrap);

        JarProcess.Result postgres = jar.run("start-postgres");
        assertThat(postgres.exitCode()).as(postgres.err()).isZero();
        JarProcess.Result consumed = jar.run("consume", "--until-caught-up", store);
        assertThat(consumed.exitCode()).as(consumed.err()).isZero();

        assertBronze(postgres.out().trim(), orderItemIds);
        assertRaw(home.resolve("data/raw_streaming"), orderItemIds);
    }

    private static void assertTopics(String bootstrap) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(properties)) {
            Map<String, TopicDescription> topics = admin.describeTopics(
                            List.of("supply_chain_data", "supply_chain_data.dlq", "supply_chain_data.positions"))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(topics.get("supply_chain_data").partitions()).hasSize(PARTITIONS);
            assertThat(topics.get("supply_chain_data.dlq").partitions()).hasSize(PARTITIONS);
            assertThat(topics.get("supply_chain_data.positions").partitions()).hasSize(1);
            ConfigResource positions = new ConfigResource(ConfigResource.Type.TOPIC, "supply_chain_data.positions");
            String cleanup = admin.describeConfigs(List.of(positions))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(positions)
                    .get("cleanup.policy")
                    .value();
            assertThat(cleanup).isEqualTo("compact");
        }
    }

    /** Sends {@link #ROWS} generated rows with no key, as the original producer did; returns their Order Item Ids. */
    private static List<String> produceKeylessRows(String bootstrap) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        // A missing topic fails the send after this long with "Topic supply_chain_data not present in metadata".
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        List<String> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer())) {
            Iterator<GeneratedRow> rows = new DataCoGenerator(7).rows(ROWS);
            while (rows.hasNext()) {
                Map<String, String> row = rows.next().asHeaderMap();
                assertThat(row).hasSize(53);
                ids.add(row.get(DataCoColumn.ORDER_ITEM_ID.header()));
                sent.add(producer.send(new ProducerRecord<>("supply_chain_data", JSON.writeValueAsBytes(row))));
            }
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(ids).doesNotHaveDuplicates();
        return ids;
    }

    private static void assertBronze(String address, List<String> ids) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection("jdbc:postgresql://" + address + "/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("select count(*), count(kafka_key),"
                    + " count(distinct payload->>'Order Item Id'), count(distinct (partition, \"offset\"))"
                    + " from raw.supply_chain_data")) {
                result.next();
                assertThat(result.getLong(1)).as("bronze rows").isEqualTo(ids.size());
                assertThat(result.getLong(2)).as("bronze rows with a kafka_key").isZero();
                assertThat(result.getLong(3))
                        .as("distinct Order Item Ids in bronze")
                        .isEqualTo(ids.size());
                assertThat(result.getLong(4)).as("distinct (partition, offset)").isEqualTo(ids.size());
            }
            try (ResultSet result = statement.executeQuery("select count(*) from raw.supply_chain_data"
                    + " where (select count(*) from jsonb_object_keys(payload)) <> 53")) {
                result.next();
                assertThat(result.getLong(1))
                        .as("bronze payloads without the 53 columns")
                        .isZero();
            }
        }
    }

    private static void assertRaw(Path folder, List<String> ids) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().endsWith(".avro")).toList();
        }
        List<String> stored = new ArrayList<>();
        for (Path file : files) {
            try (DataFileReader<GenericRecord> reader =
                    new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
                for (GenericRecord record : reader) {
                    assertThat(((GenericRecord) record.get("metadata")).get("key"))
                            .as("raw metadata key")
                            .isNull();
                    Map<?, ?> data = (Map<?, ?>) record.get("data");
                    assertThat(data).hasSize(53);
                    stored.add(data.entrySet().stream()
                            .filter(e -> e.getKey().toString().equals(DataCoColumn.ORDER_ITEM_ID.header()))
                            .map(e -> e.getValue().toString())
                            .findFirst()
                            .orElseThrow());
                }
            }
        }
        assertThat(stored).as("Order Item Ids in the raw files").containsExactlyInAnyOrderElementsOf(ids);
    }
}
