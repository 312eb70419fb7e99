package io.chainline.sinks.consume;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.sinks.SinksSettings;

import static java.util.Objects.requireNonNull;

/**
 * The Kafka clients of a consume run: a {@code read_committed} consumer in the sinks' group with manual commits,
 * an idempotent producer for the dead-letter topic and an admin client. Created by {@link ConsumeStageFactory},
 * closed by the run's lifecycle.
 */
public final class ConsumeKafka implements AutoCloseable {
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> dlqProducer;
    private final Admin admin;
    private final String topicId;

    private ConsumeKafka(
            KafkaConsumer<String, byte[]> consumer,
            KafkaProducer<String, byte[]> dlqProducer,
            Admin admin,
            String topicId) {
        this.consumer = consumer;
        this.dlqProducer = dlqProducer;
        this.admin = admin;
        this.topicId = topicId;
    }

    /**
     * Connects and looks up the topic's id.
     *
     * @throws ConfigException when the topic does not exist, or the client properties ask for a rebalance protocol
     *     other than eager ({@link EagerRebalancing})
     */
    public static ConsumeKafka connect(KafkaEndpoint endpoint, SinksSettings settings) {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(settings, "settings is null");
        Properties consumerProperties = endpoint.clientProperties();
        // Before any I/O: settings that ask for incremental rebalancing are refused.
        EagerRebalancing.pin(consumerProperties);
        Admin admin = Admin.create(endpoint.clientProperties());
        try {
            String topicId = describe(admin, settings.topic())
                    .orElseThrow(() -> new ConfigException("Invalid value '" + settings.topic()
                            + "' for 'chainline.sinks.topic': the topic does not exist; send data first (chainline"
                            + " stream-data)"))
                    .topicId()
                    .toString();
            createDlqTopic(admin, settings);
            consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
            consumerProperties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerProperties.put(
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(settings.batchMaxRecords()));
            consumerProperties.put(
                    ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                    Long.toString(Math.min(Integer.MAX_VALUE, Math.max(settings.batchMaxBytes(), 1024 * 1024))));
            consumerProperties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
            consumerProperties.put(ConsumerConfig.CLIENT_ID_CONFIG, "chainline-sinks");
            Properties producerProperties = endpoint.clientProperties();
            producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
            producerProperties.put(ProducerConfig.CLIENT_ID_CONFIG, "chainline-sinks-dlq");
            KafkaConsumer<String, byte[]> consumer =
                    new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
            KafkaProducer<String, byte[]> producer =
                    new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
            return new ConsumeKafka(consumer, producer, admin, topicId);
        } catch (RuntimeException e) {
            admin.close(Duration.ZERO);
            throw e;
        }
    }

    /** The topic's description, or empty when it does not exist. */
    private static Optional<TopicDescription> describe(Admin admin, String topic) {
        try {
            return Optional.of(admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new RetriableException(
                    "Cannot describe topic '" + topic + "': " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new RetriableException("Describing topic '" + topic + "' took longer than " + ADMIN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException("Interrupted while describing topic '" + topic + "'", e);
        }
    }

    private static void createDlqTopic(Admin admin, SinksSettings settings) {
        try {
            admin.createTopics(List.of(new NewTopic(settings.dlqTopic(), Optional.empty(), Optional.empty())))
                    .all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new RetriableException(
                        "Cannot create topic '" + settings.dlqTopic() + "': "
                                + e.getCause().getMessage(),
                        e.getCause());
            }
        } catch (TimeoutException e) {
            throw new RetriableException("Creating topic '" + settings.dlqTopic() + "' took too long", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException("Interrupted while creating topic '" + settings.dlqTopic() + "'", e);
        }
    }

    KafkaConsumer<String, byte[]> consumer() {
        return consumer;
    }

    KafkaProducer<String, byte[]> dlqProducer() {
        return dlqProducer;
    }

    /**
     * The topic's id now, asked of the cluster; empty when the topic does not exist.
     *
     * @throws RetriableException when the cluster does not answer
     */
    Optional<String> currentTopicId(String topic) {
        return describe(admin, topic).map(description -> description.topicId().toString());
    }

    /** Kafka's id of the drained topic. */
    String topicId() {
        return topicId;
    }

    @Override
    public void close() {
        try {
            consumer.close(Duration.ofSeconds(30));
        } finally {
            try {
                dlqProducer.close(Duration.ofSeconds(30));
            } finally {
                admin.close(Duration.ofSeconds(10));
            }
        }
    }

    @Override
    public String toString() {
        return "ConsumeKafka[topic id " + topicId + "]";
    }
}
