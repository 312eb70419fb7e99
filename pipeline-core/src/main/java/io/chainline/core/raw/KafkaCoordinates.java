package io.chainline.core.raw;

import static java.util.Objects.requireNonNull;

/**
 * Where a message sits in Kafka. (topicId, partition, offset) identifies it: the topic id is the UUID Kafka gives
 * each incarnation of a topic, so a recreated topic never collides with rows stored earlier.
 *
 * @param topic the topic name
 * @param topicId Kafka's topic UUID, as a string
 * @param partition the partition
 * @param offset the offset within the partition
 * @param timestampMillis the record timestamp, epoch milliseconds UTC
 * @param key the record key (Order Item Id), may be null
 */
public record KafkaCoordinates(
        String topic, String topicId, int partition, long offset, long timestampMillis, String key) {

    public KafkaCoordinates {
        requireNonNull(topic, "topic is null");
        requireNonNull(topicId, "topicId is null");
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset must be >= 0, got " + partition + "/" + offset);
        }
    }
}
