package io.chainline.sinks.consume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.typesafe.config.Config;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.generator.GeneratedRow;
import io.chainline.core.inject.CoreModule;
import io.chainline.core.kafka.ConfiguredKafkaEndpoint;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.postgres.ConfiguredPostgresEndpoint;
import io.chainline.core.postgres.PostgresEndpoint;
import io.chainline.core.stage.Cancellation;
import io.chainline.core.stage.ProgressListener;
import io.chainline.core.stage.RunContext;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageChain;
import io.chainline.sinks.SinksModule;
import io.chainline.sinks.dlq.DeadLetterTopic;
import io.chainline.testkit.Await;
import io.chainline.testkit.TestConfigs;

/**
 * Consume runs against a real broker, PostgreSQL and a local store, each test with its own topic, group, table and
 * store folder; and the checks on what landed.
 */
final class SinksHarness {
    /** A short session timeout, so that the group notices a killed member within seconds, not 45 s. */
    static final String FAST_REBALANCE =
            "chainline.kafka.client={ \"session.timeout.ms\" = 6000, " + "\"heartbeat.interval.ms\" = 1000 }";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrap;
    private final String jdbcUrl;
    private final Path storeRoot;
    private final String topic;
    private final List<String> settings;

    SinksHarness(String bootstrap, String jdbcUrl, Path stateDir, String topic, String... extra) {
        this.bootstrap = bootstrap;
        this.jdbcUrl = jdbcUrl;
        this.storeRoot = stateDir.resolve("store");
        this.topic = topic;
        this.settings = new ArrayList<>(List.of(
                "chainline.kafka.bootstrap=" + bootstrap,
                "chainline.postgres.url=" + jdbcUrl,
                "chainline.postgres.user=postgres",
                "chainline.state-dir=" + stateDir,
                "chainline.store.root=" + storeRoot.toUri(),
                "chainline.sinks.topic=" + topic,
                "chainline.sinks.dlq-topic=" + topic + ".dlq",
                "chainline.sinks.group-id=" + topic + "-group",
                "chainline.sinks.postgres.table=" + topic,
                "chainline.sinks.batch.max-records=500",
                "chainline.sinks.batch.max-wait=200ms",
                "chainline.sinks.poll-timeout=100ms"));
        this.settings.addAll(List.of(extra));
    }

    String topic() {
        return topic;
    }

    Config config() {
        return TestConfigs.load(settings.toArray(String[]::new));
    }

    /** One consume run in a fresh injector, as one command would do it. */
    RunReport consume(ConsumeRequest request, ProgressListener listener, Module... extra) {
        return consume(request, listener, new Cancellation(), extra);
    }

    /** One consume run that stops when {@code cancellation} is cancelled (a run until stopped). */
    RunReport consume(ConsumeRequest request, ProgressListener listener, Cancellation cancellation, Module... extra) {
        Config config = config();
        Module endpoints = binder -> {
            binder.bind(KafkaEndpoint.class).to(ConfiguredKafkaEndpoint.class);
            binder.bind(PostgresEndpoint.class).to(ConfiguredPostgresEndpoint.class);
        };
        List<Module> modules = new ArrayList<>(List.of(new CoreModule(config), new SinksModule(), endpoints));
        modules.addAll(List.of(extra));
        Injector injector = Guice.createInjector(modules);
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        try {
            RunContext context = RunContext.of(config).withProgress(listener).withCancellation(cancellation);
            return StageChain.named(
                            "consume",
                            injector.getInstance(ConsumeStageFactory.class).create(request))
                    .run(context);
        } finally {
            lifecycle.close();
        }
    }

    RunReport drain() {
        return consume(ConsumeRequest.drain(), ProgressListener.NONE);
    }

    /** Creates the topic (3 partitions) and sends {@code rows} generated rows from {@code from}, keyed by id. */
    Map<String, Map<String, String>> produce(long from, long rows) {
        createTopic();
        Map<String, Map<String, String>> sent = new java.util.LinkedHashMap<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            Iterator<GeneratedRow> generated = new DataCoGenerator(5).rows(from, rows);
            while (generated.hasNext()) {
                GeneratedRow row = generated.next();
                Map<String, String> values = row.asHeaderMap();
                String id = row.get(DataCoColumn.ORDER_ITEM_ID);
                sent.put(id, values);
                acks.add(producer.send(new ProducerRecord<>(topic, id, JSON.writeValueAsBytes(values))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitAcks(acks);
        return sent;
    }

    /** Sends raw values as they are (poison tests); returns where the record went. */
    RecordMetadata produceRaw(String key, byte[] value) {
        createTopic();
        Future<RecordMetadata> ack;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ack = producer.send(new ProducerRecord<>(topic, key, value));
        }
        awaitAcks(List.of(ack));
        try {
            return ack.get();
        } catch (Exception e) {
            throw new AssertionError("a test record was not acknowledged", e);
        }
    }

    /** The dead-letter topic of this harness's settings, from a fresh injector as the {@code dlq} command builds. */
    DeadLetterTopic deadLetters() {
        Config config = config();
        Module endpoints = binder -> {
            binder.bind(KafkaEndpoint.class).to(ConfiguredKafkaEndpoint.class);
            binder.bind(PostgresEndpoint.class).to(ConfiguredPostgresEndpoint.class);
        };
        return Guice.createInjector(new CoreModule(config), new SinksModule(), endpoints)
                .getInstance(DeadLetterTopic.class);
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // Not idempotent: on a topic created a moment ago the broker can answer an idempotent producer's first
        // batches with NOT_LEADER and then OUT_OF_ORDER_SEQUENCE until they expire. One request in flight keeps
        // the order, and a loopback broker does not lose responses, so no record is written twice.
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    private static void awaitAcks(List<Future<RecordMetadata>> acks) {
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("a test record was not acknowledged", e);
            }
        }
    }

    /**
     * Deletes the topic and creates it again (3 partitions, a new topic id), waiting until the deletion is done and
     * the new partitions have leaders.
     */
    void recreateTopic() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(properties)) {
            admin.deleteTopics(List.of(topic)).all().get();
            Await.until(Duration.ofSeconds(60), "topic " + topic + " is created again after its deletion", () -> {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
                            .all()
                            .get();
                    return true;
                } catch (Exception e) {
                    // TopicExistsException while the deletion is still going on
                    return false;
                }
            });
            awaitLeaders(admin);
        } catch (Exception e) {
            throw new IllegalStateException("cannot recreate topic " + topic, e);
        }
    }

    /** The topic's id now. */
    String topicId() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(properties)) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .topicId()
                    .toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe topic " + topic, e);
        }
    }

    /** Creates the topic and waits until every partition has a leader, so that the first sends succeed. */
    private void createTopic() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", bootstrap);
        try (Admin admin = Admin.create(properties)) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
                        .all()
                        .get();
            }
            awaitLeaders(admin);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
    }

    private void awaitLeaders(Admin admin) {
        Await.until(Duration.ofSeconds(60), "the partitions of " + topic + " have leaders", () -> {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .allMatch(p -> p.leader() != null);
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Rows of the bronze table: (topic id/partition:offset) -> payload text; fails on duplicates. */
    Map<String, String> bronze() throws SQLException {
        Map<String, String> rows = new java.util.HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select topic_id, partition, \"offset\", payload::text from raw." + topic)) {
            while (result.next()) {
                // The table's uuid in Kafka's form, as the raw files and the admin client write topic ids.
                UUID uuid = UUID.fromString(result.getString(1));
                String topicId = new Uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()).toString();
                String id = topicId + "/" + result.getInt(2) + ":" + result.getLong(3);
                if (rows.put(id, result.getString(4)) != null) {
                    throw new AssertionError("duplicate bronze row " + id);
                }
            }
        }
        return rows;
    }

    /** Records of the raw Avro files: (topic id/partition:offset) -> data map; fails on duplicates. */
    Map<String, Map<String, String>> rawFiles() throws IOException {
        Map<String, Map<String, String>> rows = new java.util.HashMap<>();
        Path folder = storeRoot.resolve("raw_streaming");
        if (!Files.exists(folder)) {
            return rows;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.getFileName().toString().startsWith(topic + "+")
                            && p.toString().endsWith(".avro"))
                    .toList();
        }
        for (Path file : files) {
            try (DataFileReader<GenericRecord> reader =
                    new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
                for (GenericRecord record : reader) {
                    GenericRecord metadata = (GenericRecord) record.get("metadata");
                    String id =
                            metadata.get("topic_id") + "/" + metadata.get("partition") + ":" + metadata.get("offset");
                    Map<String, String> data = new java.util.LinkedHashMap<>();
                    ((Map<?, ?>) record.get("data"))
                            .forEach((k, v) -> data.put(k.toString(), v == null ? null : v.toString()));
                    if (rows.put(id, data) != null) {
                        throw new AssertionError("duplicate raw record " + id + " (file " + file + ")");
                    }
                }
            }
        }
        return rows;
    }
}
