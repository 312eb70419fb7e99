package io.chainline.core.generator;

import java.util.List;

/**
 * Writes RFC 4180 records: fields joined by commas and ended by LF; a field is quoted only when it holds a comma,
 * a double quote or a line break, with its quotes doubled.
 */
final class CsvLines {
    private CsvLines() {}

    /** Appends {@code fields} as one record, line feed included. */
    static void appendRecord(StringBuilder line, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            appendField(line, fields.get(i));
        }
        line.append('\n');
    }

    /** Appends one field, quoted if it needs to be. */
    static void appendField(StringBuilder line, String field) {
        if (!needsQuotes(field)) {
            line.append(field);
            return;
        }
        line.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
