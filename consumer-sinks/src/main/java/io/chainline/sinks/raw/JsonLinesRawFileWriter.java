package io.chainline.sinks.raw;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.chainline.core.raw.KafkaCoordinates;
import io.chainline.sinks.spi.RawRecord;

/**
 * One JSON object per line, with the fields of the Avro record:
 * {@code {"data": {...}, "metadata": {"key", "offset", "partition", "time", "topic", "topic_id"}}}; {@code time} is
 * epoch milliseconds.
 */
final class JsonLinesRawFileWriter implements RawFileWriter {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final CountingOutputStream out;
    private final JsonGenerator json;

    JsonLinesRawFileWriter(Path file, JsonFactory factory) throws IOException {
        OutputStream stream = Files.newOutputStream(file);
        this.out = new CountingOutputStream(stream);
        try {
            this.json = factory.createGenerator(new BufferedOutputStream(out, BUFFER_BYTES), JsonEncoding.UTF8);
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
        json.setRootValueSeparator(null);
    }

    @Override
    public void append(RawRecord record) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("data");
        for (Map.Entry<String, String> field : record.data().entrySet()) {
            json.writeStringField(field.getKey(), field.getValue());
        }
        json.writeEndObject();
        KafkaCoordinates coordinates = record.coordinates();
        json.writeObjectFieldStart("metadata");
        json.writeStringField("key", coordinates.key());
        json.writeNumberField("offset", coordinates.offset());
        json.writeNumberField("partition", coordinates.partition());
        json.writeNumberField("time", coordinates.timestampMillis());
        json.writeStringField("topic", coordinates.topic());
        json.writeStringField("topic_id", coordinates.topicId());
        json.writeEndObject();
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public long bytes() {
        return out.count();
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
