package io.chainline.sinks.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.common.Uuid;

import io.chainline.core.error.DataQualityException;
import io.chainline.core.raw.KafkaCoordinates;
import io.chainline.sinks.spi.RawRecord;

import static java.util.Objects.requireNonNull;

/**
 * Writes raw records as rows of the bronze table's {@link BronzeTable#COLUMNS}, in COPY text format: the topic id
 * as a UUID, partition, offset, topic, key, Kafka time ({@code null} when the record has none) and the value's
 * bytes exactly as produced.
 */
final class BronzeRowEncoder {
    private String lastTopicId;
    private byte[] lastTopicUuid;

    /** Appends {@code record} as one row. */
    void write(RawRecord record, CopyTextWriter out) throws SQLException {
        KafkaCoordinates at = record.coordinates();
        out.plain(topicUuid(at));
        out.number(at.partition());
        out.number(at.offset());
        out.text(at.topic());
        out.text(at.key());
        if (at.timestampMillis() < 0) {
            // Kafka's NO_TIMESTAMP (-1): the record carries no time.
            out.nullField();
        } else {
            out.plain(Instant.ofEpochMilli(at.timestampMillis()).toString().getBytes(StandardCharsets.US_ASCII));
        }
        out.utf8(record.value());
        out.endRow();
    }

    /**
     * The UUID of a Kafka topic id ({@code Uuid.toString()}: 22 characters of URL-safe base64).
     *
     * @throws DataQualityException when {@code topicId} is not of that form
     */
    static UUID toUuid(String topicId, String topic) {
        requireNonNull(topicId, "topicId is null");
        try {
            Uuid id = Uuid.fromString(topicId);
            return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits());
        } catch (IllegalArgumentException e) {
            throw new DataQualityException(
                    "Topic id '" + topicId + "' of topic '" + topic
                            + "' is not a Kafka topic id: expected a UUID as 22 characters of URL-safe base64",
                    e);
        }
    }

    private byte[] topicUuid(KafkaCoordinates at) {
        // A batch almost always has one topic id: convert it once.
        if (!at.topicId().equals(lastTopicId)) {
            lastTopicUuid = toUuid(at.topicId(), at.topic()).toString().getBytes(StandardCharsets.US_ASCII);
            lastTopicId = at.topicId();
        }
        return lastTopicUuid;
    }
}
