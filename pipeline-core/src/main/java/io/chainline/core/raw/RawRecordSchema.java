package io.chainline.core.raw;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import static java.util.Objects.requireNonNull;

/**
 * The Avro schema of a raw record, defined once for the sink that writes raw files and the Spark job that reads
 * them: {@code data} maps original header names to original strings, {@code metadata} holds the Kafka coordinates
 * ({@code key, offset, partition, time, topic, topic_id}), so {@code data['Customer Id']} reads as it always did.
 */
public final class RawRecordSchema {
    /** The record schema, {@code io.chainline.raw.RawRecord}. */
    public static final Schema SCHEMA = load();
    /** The schema of the {@code metadata} field. */
    public static final Schema METADATA = SCHEMA.getField("metadata").schema();

    private RawRecordSchema() {}

    /**
     * A raw record for one Kafka message.
     *
     * @param data original header -> original string
     * @param coordinates where the message sits in Kafka
     */
    public static GenericRecord record(Map<String, String> data, KafkaCoordinates coordinates) {
        requireNonNull(data, "data is null");
        requireNonNull(coordinates, "coordinates is null");
        GenericData.Record metadata = new GenericData.Record(METADATA);
        metadata.put("key", coordinates.key());
        metadata.put("offset", coordinates.offset());
        metadata.put("partition", coordinates.partition());
        metadata.put("time", coordinates.timestampMillis());
        metadata.put("topic", coordinates.topic());
        metadata.put("topic_id", coordinates.topicId());
        GenericData.Record record = new GenericData.Record(SCHEMA);
        record.put("data", data);
        record.put("metadata", metadata);
        return record;
    }

    private static Schema load() {
        try (InputStream in = RawRecordSchema.class.getResourceAsStream("raw-record.avsc")) {
            if (in == null) {
                throw new IllegalStateException("raw-record.avsc is missing from the pipeline-core jar");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read raw-record.avsc", e);
        }
    }
}
