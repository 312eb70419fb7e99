package io.chainline.sinks.consume;

/**
 * A poison message as the dead-letter topic receives it: why, where it was in Kafka, and the value as text.
 *
 * @param reason why no sink can store it
 * @param topic its topic
 * @param partition its partition
 * @param offset its offset
 * @param key its key, or null
 * @param value its value decoded as UTF-8 (malformed bytes replaced), or null for a tombstone
 * @param timestamp its Kafka timestamp, epoch milliseconds
 */
public record PoisonLetter(
        String reason, String topic, int partition, long offset, String key, String value, long timestamp) {}
