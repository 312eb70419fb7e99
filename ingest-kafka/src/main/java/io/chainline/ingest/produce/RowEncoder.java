package io.chainline.ingest.produce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

/**
 * Encodes a row as the Kafka value of the record contract: one JSON object whose keys are the original header
 * names and whose values are the original strings, in the source's column order. Not thread-safe; one per stage.
 */
final class RowEncoder {
    private final JsonFactory factory = new JsonFactory();
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(4096);

    byte[] encode(Map<String, String> values) {
        buffer.reset();
        try (JsonGenerator json = factory.createGenerator(buffer, JsonEncoding.UTF8)) {
            json.writeStartObject();
            for (Map.Entry<String, String> entry : values.entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a row as JSON", e);
        }
        return buffer.toByteArray();
    }
}
