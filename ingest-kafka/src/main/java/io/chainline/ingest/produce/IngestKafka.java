package io.chainline.ingest.produce;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.json.Json;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.ingest.IngestSettings;
import io.chainline.ingest.topic.IngestTopics;

import static java.util.Objects.requireNonNull;

/**
 * The Kafka side of an ingest: one transactional, idempotent producer ({@code acks=all}) for rows, dead letters
 * and positions, and the admin client that creates the topics ({@link IngestTopics}). Created by {@link IngestStageFactory} and closed by
 * the run's lifecycle. {@link #connect} calls {@code initTransactions()}, which fences an older ingest with the same
 * transactional id and aborts whatever transaction it left open.
 */
public final class IngestKafka implements AutoCloseable {
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);
    /** Kafka's default max.request.size. */
    private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;
    /** Room for a record batch's header and a record's own framing, which max.request.size also counts. */
    static final int RECORD_OVERHEAD = 1024;

    private final KafkaEndpoint endpoint;
    private final IngestSettings settings;
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;
    private final ObjectMapper json = Json.dataMapper();

    private IngestKafka(
            KafkaEndpoint endpoint, IngestSettings settings, KafkaProducer<String, byte[]> producer, Admin admin) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.producer = producer;
        this.admin = admin;
    }

    /** Connects, creates missing topics and initialises the transactional producer. */
    public static IngestKafka connect(KafkaEndpoint endpoint, IngestSettings settings) {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(settings, "settings is null");
        Admin admin = Admin.create(endpoint.clientProperties());
        KafkaProducer<String, byte[]> producer = null;
        try {
            IngestTopics.ensure(admin, settings, ADMIN_TIMEOUT);
            producer = new KafkaProducer<>(
                    producerProperties(endpoint, settings), new StringSerializer(), new ByteArraySerializer());
            producer.initTransactions();
            return new IngestKafka(endpoint, settings, producer, admin);
        } catch (RuntimeException e) {
            if (producer != null) {
                producer.close(Duration.ZERO);
            }
            admin.close(Duration.ZERO);
            throw e instanceof ChainlineException
                    ? e
                    : new RetriableException(
                            "Cannot connect the ingest producer to " + endpoint.bootstrapServers() + ": "
                                    + e.getMessage(),
                            e);
        }
    }

    /**
     * The producer's {@code max.request.size}: the default, or what {@code chainline.kafka.client} sets. A record
     * larger than it less {@link #RECORD_OVERHEAD} would fail in the producer and leave its transaction unusable.
     */
    int maxRequestSize() {
        Object configured = producerProperties(endpoint, settings).get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        if (configured == null) {
            return DEFAULT_MAX_REQUEST_SIZE;
        }
        try {
            return Integer.parseInt(configured.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("Invalid value '" + configured + "' for 'chainline.kafka.client.\""
                    + ProducerConfig.MAX_REQUEST_SIZE_CONFIG + "\"': must be a whole number of bytes");
        }
    }

    static Properties producerProperties(KafkaEndpoint endpoint, IngestSettings settings) {
        Properties properties = endpoint.clientProperties();
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        properties.put(
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                settings.compression().name().toLowerCase(Locale.ROOT));
        properties.put(
                ProducerConfig.LINGER_MS_CONFIG, Long.toString(settings.linger().toMillis()));
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(settings.batchSizeBytes()));
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(64L * 1024 * 1024));
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "chainline-ingest");
        return properties;
    }

    /** Kafka's UUID of the topic's current incarnation, as the bronze table and the raw files record it. */
    public String topicId() {
        try {
            return admin.describeTopics(List.of(settings.topic()))
                    .allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(settings.topic())
                    .topicId()
                    .toString();
        } catch (ExecutionException e) {
            throw new RetriableException(
                    "Cannot describe topic '" + settings.topic() + "': "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new RetriableException(
                    "Describing topic '" + settings.topic() + "' took longer than " + ADMIN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException("Interrupted while describing topic '" + settings.topic() + "'", e);
        }
    }

    /** The producer; owned by this object, never closed by its users. */
    KafkaProducer<String, byte[]> producer() {
        return producer;
    }

    /** Sends a position in the current transaction. */
    void sendPosition(PositionRecord position) {
        try {
            byte[] value = json.writeValueAsBytes(position);
            producer.send(new ProducerRecord<>(settings.positionsTopic(), position.key(), value));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode position " + position.key(), e);
        }
    }

    /**
     * The committed position of every input: the positions topic read to its end with {@code read_committed}, the
     * last record per key winning. Call after {@link #connect}, so that a transaction left open by a killed ingest
     * is already aborted.
     */
    public Map<String, PositionRecord> readPositions() {
        Properties properties = endpoint.clientProperties();
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "chainline-ingest-positions");
        Map<String, PositionRecord> positions = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(settings.positionsTopic(), ADMIN_TIMEOUT)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, ADMIN_TIMEOUT);
            long deadline = System.nanoTime() + ADMIN_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, ADMIN_TIMEOUT) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new RetriableException("Reading the positions topic '" + settings.positionsTopic()
                            + "' took longer than " + ADMIN_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        positions.remove(record.key());
                    } else {
                        positions.put(record.key(), json.readValue(record.value(), PositionRecord.class));
                    }
                }
            }
        } catch (IOException e) {
            throw new ChainlineException(
                    "The positions topic '" + settings.positionsTopic() + "' holds a record that is not a position: "
                            + e.getMessage(),
                    e);
        }
        return positions;
    }

    @Override
    public void close() {
        try {
            producer.close(Duration.ofSeconds(30));
        } finally {
            admin.close(Duration.ofSeconds(10));
        }
    }

    @Override
    public String toString() {
        return "IngestKafka[" + endpoint.bootstrapServers() + ", transactional id " + settings.transactionalId() + "]";
    }
}
