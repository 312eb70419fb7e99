package io.chainline.benchmarks;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.generator.GeneratedRow;
import io.chainline.core.json.Json;

import static java.util.Objects.requireNonNull;

/**
 * Fills a fresh topic with generated rows as the ingest writes them: the value is the row's JSON object (header to
 * value), the key its Order Item Id. A plain idempotent producer ({@code acks=all}, lz4 as the ingest's); not timed.
 */
final class TopicFiller {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrap;
    private final long seed;

    TopicFiller(String bootstrap, long seed) {
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
        this.seed = seed;
    }

    /**
     * Creates {@code topic} ({@link Topics#PARTITIONS} partitions), waits until every partition has a leader and
     * sends {@code rows} generated rows; returns the topic's id.
     *
     * @throws ChainlineException when the topic cannot be created or a record is not acknowledged
     */
    UUID fill(String topic, long rows) {
        requireNonNull(topic, "topic is null");
        Topics.create(bootstrap, topic);
        UUID id = awaitLeaders(topic);
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        ObjectWriter writer = Json.dataMapper().writer();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            Iterator<GeneratedRow> generated = new DataCoGenerator(seed).rows(rows);
            while (generated.hasNext()) {
                GeneratedRow row = generated.next();
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                row.get(DataCoColumn.ORDER_ITEM_ID),
                                writer.writeValueAsBytes(row.asHeaderMap())),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
        } catch (JsonProcessingException e) {
            throw new ChainlineException("Cannot encode a generated row as JSON: " + e.getMessage(), e);
        }
        if (failure.get() != null) {
            throw new ChainlineException(
                    "A generated row was not acknowledged by topic '" + topic + "': " + failure.get(), failure.get());
        }
        return id;
    }

    private UUID awaitLeaders(String topic) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (Admin admin =
                Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (true) {
                TopicDescription description = admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                        .get(topic);
                List<TopicPartitionInfo> partitions = description.partitions();
                if (partitions.size() == Topics.PARTITIONS
                        && partitions.stream()
                                .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    Uuid id = description.topicId();
                    return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits());
                }
                if (System.nanoTime() > deadline) {
                    throw new ChainlineException("Topic '" + topic + "' has partitions without a leader after "
                            + TIMEOUT + ": " + partitions);
                }
                Thread.sleep(50);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new ChainlineException("Cannot describe topic '" + topic + "' on " + bootstrap + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException("Interrupted while waiting for the leaders of topic '" + topic + "'", e);
        }
    }
}
