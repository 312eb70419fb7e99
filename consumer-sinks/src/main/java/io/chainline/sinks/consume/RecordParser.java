package io.chainline.sinks.consume;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.contract.StorableText;

/**
 * Parses a record value of the topic into its fields, or says why it is a poison message: not UTF-8, not JSON, not
 * an object, a field that is not a plain value, text no sink can store (see {@link StorableText}), or no
 * {@code Order Item Id}. A reason names fields and positions but never quotes the value, which may hold personal
 * data: reasons end up in reports and logs. Not thread-safe; one per consumer.
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
        int invalid = Utf8Check.firstInvalid(value);
        if (invalid >= 0) {
            return new Parsed(null, "the value is not UTF-8 text: byte " + invalid + " starts no valid character");
        }
        Map<String, String> data = new LinkedHashMap<>(80);
        try (JsonParser parser = json.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Parsed(null, "the value is not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String nameProblem = StorableText.problem(name);
                if (nameProblem != null) {
                    return new Parsed(null, "a field name holds " + nameProblem + ", which no sink can store");
                }
                JsonToken field = parser.nextToken();
                if (field.isStructStart()) {
                    return new Parsed(null, "field '" + name + "' is not a plain value");
                }
                String text = field == JsonToken.VALUE_NULL ? "" : parser.getText();
                String textProblem = StorableText.problem(text);
                if (textProblem != null) {
                    return new Parsed(null, "field '" + name + "' holds " + textProblem + ", which no sink can store");
                }
                data.put(name, text);
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return new Parsed(null, "the value is not one JSON object");
            }
        } catch (JsonEOFException e) {
            return new Parsed(null, "the value is not JSON: it ends" + at(e.getLocation()) + " inside a value");
        } catch (JsonProcessingException e) {
            return new Parsed(null, "the value is not JSON: malformed" + at(e.getLocation()));
        } catch (IOException e) {
            return new Parsed(null, "the value is not JSON: " + e.getClass().getSimpleName());
        }
        String id = data.get(ORDER_ITEM_ID);
        if (id == null || id.isBlank()) {
            return new Parsed(null, "the value has no '" + ORDER_ITEM_ID + "'");
        }
        return new Parsed(data, null);
    }

    /** Where the parser stopped; Jackson's own message quotes the text around it, which may be personal data. */
    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
