package io.chainline.sinks.postgres;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.DataQualityException;
import io.chainline.core.raw.KafkaCoordinates;
import io.chainline.sinks.spi.RawRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BronzeRowEncoderTest {
    private static final Uuid TOPIC_ID = new Uuid(0x0123456789abcdefL, 0x0fedcba987654321L);

    @Test
    void aRecordIsOneRowOfTheBronzeColumns() throws SQLException {
        RawRecord record = new RawRecord(
                new KafkaCoordinates("orders", TOPIC_ID.toString(), 2, 17, 1_500_000_000_123L, "77"),
                "{\"a\":\"x\\ty\"}".getBytes(StandardCharsets.UTF_8),
                Map.of());

        assertThat(encode(record))
                .isEqualTo("01234567-89ab-cdef-0fed-cba987654321\t2\t17\torders\t77\t"
                        + "2017-07-14T02:40:00.123Z\t{\"a\":\"x\\\\ty\"}\n");
    }

    @Test
    void noKeyAndNoTimestampAreNull() throws SQLException {
        RawRecord record = new RawRecord(
                new KafkaCoordinates("t", TOPIC_ID.toString(), 0, 0, -1, null),
                "{}".getBytes(StandardCharsets.UTF_8),
                Map.of());

        assertThat(encode(record)).isEqualTo("01234567-89ab-cdef-0fed-cba987654321\t0\t0\tt\t\\N\t\\N\t{}\n");
    }

    @Test
    void topicIdsAreKafkasBase64Uuids() {
        assertThat(BronzeRowEncoder.toUuid(TOPIC_ID.toString(), "t"))
                .isEqualTo(UUID.fromString("01234567-89ab-cdef-0fed-cba987654321"));
        assertThatThrownBy(() -> BronzeRowEncoder.toUuid("not-a-topic-id", "orders"))
                .isInstanceOf(DataQualityException.class)
                .hasMessage("Topic id 'not-a-topic-id' of topic 'orders' is not a Kafka topic id: expected a UUID"
                        + " as 22 characters of URL-safe base64");
    }

    private static String encode(RawRecord record) throws SQLException {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        CopyTextWriter writer = new CopyTextWriter(64);
        writer.begin((bytes, length) -> sent.write(bytes, 0, length));
        new BronzeRowEncoder().write(record, writer);
        writer.flush();
        return sent.toString(StandardCharsets.UTF_8);
    }
}
