package io.chainline.core.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader for test fixtures: fields separated by commas, records by LF or CRLF, fields optionally
 * in double quotes, in which commas, line breaks and doubled quotes ({@code ""}) are literal.
 */
final class Rfc4180Reader {
    private Rfc4180Reader() {}

    /** The records of a UTF-8 class-path resource; malformed UTF-8 fails rather than being replaced. */
    static List<List<String>> readResource(String name) {
        try (InputStream in = Rfc4180Reader.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("Test resource '" + name + "' not found");
            }
            return parse(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(in.readAllBytes()))
                    .toString());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Test resource '" + name + "' is not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of {@code text}; a final line break does not start another record. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean afterClosingQuote = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (inQuotes) {
                if (c != '"') {
                    field.append(c);
                } else if (i < text.length() && text.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else {
                    inQuotes = false;
                    afterClosingQuote = true;
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                afterClosingQuote = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                record.add(field.toString());
                records.add(List.copyOf(record));
                record.clear();
                field.setLength(0);
                afterClosingQuote = false;
            } else if (afterClosingQuote) {
                throw new IllegalArgumentException("Malformed CSV at offset " + (i - 1) + ": '" + c
                        + "' after a closing quote, expected ',' or a line break");
            } else if (c == '"' && field.length() == 0) {
                inQuotes = true;
            } else if (c == '"') {
                throw new IllegalArgumentException(
                        "Malformed CSV at offset " + (i - 1) + ": a quote inside an unquoted field");
            } else {
                field.append(c);
            }
        }
        if (inQuotes) {
            throw new IllegalArgumentException("Malformed CSV: a quoted field is not closed at the end of the text");
        }
        if (afterClosingQuote || field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(List.copyOf(record));
        }
        return records;
    }
}
