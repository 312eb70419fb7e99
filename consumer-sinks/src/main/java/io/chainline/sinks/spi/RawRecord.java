package io.chainline.sinks.spi;

import java.util.Map;

import io.chainline.core.raw.KafkaCoordinates;

import static java.util.Objects.requireNonNull;

/**
 * One Kafka record of the topic as the sinks receive it: its coordinates, the value exactly as produced and the
 * value parsed once by the consumer (original header -> original string).
 *
 * @param coordinates topic, topic id, partition, offset, timestamp and key
 * @param value the record value, byte for byte (a JSON object)
 * @param data the value's fields, in the order they appear in the JSON
 */
public record RawRecord(KafkaCoordinates coordinates, byte[] value, Map<String, String> data) {

    public RawRecord {
        requireNonNull(coordinates, "coordinates is null");
        requireNonNull(value, "value is null");
        requireNonNull(data, "data is null");
    }
}
