package io.chainline.sinks.consume;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.chainline.core.contract.DataCoColumn;

/**
 * Parses a record value of the topic into its fields, or says why it is a poison message: not JSON, not an object,
 * a field that is not a plain value, or no {@code Order Item Id}. Not thread-safe; one per consumer.
 */
final class RecordParser {
    private static final String ORDER_ITEM_ID = DataCoColumn.ORDER_ITEM_ID.header();

    private final JsonFactory json = new JsonFactory();

    /** The parse of one value: fields, or the reason it is poison. */
    record Parsed(Map<String, String> data, String poison) {}

    Parsed parse(byte[] value) {
        if (value == null) {
            return new Parsed(null, "the value is empty (a tombstone)");
        }
        Map<String, String> data = new LinkedHashMap<>(80);
        try (JsonParser parser = json.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Parsed(null, "the value is not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken field = parser.nextToken();
                if (field.isStructStart()) {
                    return new Parsed(null, "field '" + name + "' is not a plain value");
                }
                data.put(name, field == JsonToken.VALUE_NULL ? "" : parser.getText());
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return new Parsed(null, "the value is not one JSON object");
            }
        } catch (IOException e) {
            return new Parsed(
                    null,
                    "the value is not JSON: "
                            + e.getMessage().lines().findFirst().orElse(""));
        }
        String id = data.get(ORDER_ITEM_ID);
        if (id == null || id.isBlank()) {
            return new Parsed(null, "the value has no '" + ORDER_ITEM_ID + "'");
        }
        return new Parsed(data, null);
    }
}
