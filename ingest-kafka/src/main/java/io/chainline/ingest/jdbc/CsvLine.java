package io.chainline.ingest.jdbc;

import java.util.Collection;

/** Renders values as one RFC 4180 CSV record, the form a dead letter shows a row read from a database in. */
final class CsvLine {

    private CsvLine() {}

    /** The values joined with commas; a value holding a comma, a quote or a line break is quoted. */
    static String of(Collection<String> values) {
        StringBuilder line = new StringBuilder();
        boolean first = true;
        for (String value : values) {
            if (!first) {
                line.append(',');
            }
            line.append(field(value));
            first = false;
        }
        return line.toString();
    }

    private static String field(String value) {
        boolean quote = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
