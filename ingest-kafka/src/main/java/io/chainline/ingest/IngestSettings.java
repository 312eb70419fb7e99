package io.chainline.ingest;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.ingest}: where ingested rows, rejected rows and positions go in Kafka, and how they are sent.
 *
 * @param topic the topic every valid source row is sent to
 * @param dlqTopic the dead-letter topic for rows that fail validation
 * @param partitions partitions of a topic Chainline creates
 * @param replicationFactor replication factor of a topic Chainline creates
 * @param positionsTopic the compacted topic of input positions, written in the rows' transactions
 * @param transactionalId the producer's transactional id
 * @param transactionRows rows per Kafka transaction
 * @param compression the producer's compression
 * @param linger how long the producer waits to fill a batch
 * @param batchSizeBytes the largest batch per partition
 */
public record IngestSettings(
        String topic,
        String dlqTopic,
        int partitions,
        short replicationFactor,
        String positionsTopic,
        String transactionalId,
        int transactionRows,
        Compression compression,
        Duration linger,
        int batchSizeBytes) {
    /** Kafka's rule for topic names. */
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** Producer compression codecs. */
    public enum Compression {
        /** No compression. */
        NONE,
        /** gzip. */
        GZIP,
        /** Snappy. */
        SNAPPY,
        /** LZ4, fast. */
        LZ4,
        /** Zstandard, smaller. */
        ZSTD
    }

    public IngestSettings {
        requireNonNull(topic, "topic is null");
        requireNonNull(dlqTopic, "dlqTopic is null");
        requireNonNull(positionsTopic, "positionsTopic is null");
        requireNonNull(transactionalId, "transactionalId is null");
        requireNonNull(compression, "compression is null");
        requireNonNull(linger, "linger is null");
    }

    /** Reads and validates {@code chainline.ingest}. */
    public static IngestSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, "chainline.ingest");
        String topic = read.nonEmptyString("topic");
        String dlqTopic = read.nonEmptyString("dlq-topic");
        String positionsTopic = read.nonEmptyString("positions-topic");
        int partitions = read.intAtLeast("partitions", 1);
        int replication = (int) read.longBetween("replication-factor", 1, Short.MAX_VALUE);
        String transactionalId = read.nonEmptyString("transactional-id");
        int transactionRows = read.intAtLeast("transaction-rows", 1);
        Compression compression = read.enumValue("compression", Compression.class, Compression.LZ4);
        Duration linger = read.duration("linger", Duration.ZERO);
        long batchSize = read.bytes("batch-size", 1);
        if (batchSize > Integer.MAX_VALUE) {
            read.problem("batch-size", read.string("batch-size"), "must be at most 2GiB");
        }
        for (String key : List.of("topic", "dlq-topic", "positions-topic")) {
            String value = read.string(key);
            if (!value.isEmpty() && !TOPIC_NAME.matcher(value).matches()) {
                read.problem(key, value, "must be a Kafka topic name: 1 to 249 of a-z, A-Z, 0-9, '.', '_', '-'");
            }
        }
        if (topic.equals(dlqTopic)) {
            read.problem("dlq-topic", dlqTopic, "must differ from 'chainline.ingest.topic'");
        }
        if (positionsTopic.equals(topic) || positionsTopic.equals(dlqTopic)) {
            read.problem("positions-topic", positionsTopic, "must differ from the topic and the dead-letter topic");
        }
        read.throwIfInvalid();
        return new IngestSettings(
                topic,
                dlqTopic,
                partitions,
                (short) replication,
                positionsTopic,
                transactionalId,
                transactionRows,
                compression,
                linger,
                (int) batchSize);
    }
}
