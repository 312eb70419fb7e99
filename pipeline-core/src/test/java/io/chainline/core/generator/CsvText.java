package io.chainline.core.generator;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for the generator's tests: records end with LF (a CR anywhere outside quotes fails),
 * a quoted field may hold commas, line breaks and doubled quotes, and the text must end with a line feed.
 */
final class CsvText {
    private CsvText() {}

    /** The records of {@code text}. */
    static List<List<String>> parse(String text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            throw new IllegalArgumentException("CSV text does not end with a line feed");
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean closed = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                    closed = true;
                }
            } else if (c == ',' || c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                closed = false;
                if (c == '\n') {
                    records.add(List.copyOf(record));
                    record.clear();
                }
            } else if (closed || c == '\r' || (c == '"' && field.length() > 0)) {
                throw new IllegalArgumentException("Malformed CSV at offset " + i + ": unexpected '" + c + "'");
            } else if (c == '"') {
                quoted = true;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Malformed CSV: a quoted field is not closed at the end");
        }
        return records;
    }
}
