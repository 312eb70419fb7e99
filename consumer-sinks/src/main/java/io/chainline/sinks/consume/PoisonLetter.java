package io.chainline.sinks.consume;

/**
 * A poison message as the dead-letter topic receives it: why, where it was in Kafka, where the producer read it (when
 * Chainline's ingest sent it), and the value as text.
 *
 * @param reason why no sink can store it; names fields and positions, never quotes the value
 * @param topic its topic
 * @param partition its partition
 * @param offset its offset
 * @param key its key, or null
 * @param value its value decoded as UTF-8 (malformed bytes replaced), or null for a tombstone
 * @param timestamp its Kafka timestamp, epoch milliseconds
 * @param source the input it was read from (the record's {@code source} header), or null
 * @param line its line in that input (the record's {@code line} header), or null
 */
public record PoisonLetter(
        String reason,
        String topic,
        int partition,
        long offset,
        String key,
        String value,
        long timestamp,
        String source,
        Long line) {}
