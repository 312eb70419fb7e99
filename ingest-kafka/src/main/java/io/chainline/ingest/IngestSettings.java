package io.chainline.ingest;

import java.util.regex.Pattern;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.ingest}: where ingested rows and rejected rows go in Kafka.
 *
 * @param topic the topic every valid source row is sent to
 * @param dlqTopic the dead-letter topic for rows that fail validation
 * @param partitions partitions of a topic Chainline creates
 * @param replicationFactor replication factor of a topic Chainline creates
 */
public record IngestSettings(String topic, String dlqTopic, int partitions, short replicationFactor) {
    /** Kafka's rule for topic names. */
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    public IngestSettings {
        requireNonNull(topic, "topic is null");
        requireNonNull(dlqTopic, "dlqTopic is null");
    }

    /** Reads and validates {@code chainline.ingest}. */
    public static IngestSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, "chainline.ingest");
        String topic = read.nonEmptyString("topic");
        String dlqTopic = read.nonEmptyString("dlq-topic");
        int partitions = read.intAtLeast("partitions", 1);
        int replication = (int) read.longBetween("replication-factor", 1, Short.MAX_VALUE);
        for (String key : new String[] {"topic", "dlq-topic"}) {
            String value = read.string(key);
            if (!value.isEmpty() && !TOPIC_NAME.matcher(value).matches()) {
                read.problem(key, value, "must be a Kafka topic name: 1 to 249 of a-z, A-Z, 0-9, '.', '_', '-'");
            }
        }
        if (topic.equals(dlqTopic)) {
            read.problem("dlq-topic", dlqTopic, "must differ from 'chainline.ingest.topic'");
        }
        read.throwIfInvalid();
        return new IngestSettings(topic, dlqTopic, partitions, (short) replication);
    }
}
