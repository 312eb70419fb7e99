package io.chainline.ingest.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A streaming RFC 4180 record parser over a {@link Reader}. Fields are separated by {@code ','} and may be quoted
 * with {@code '"'}; inside quotes {@code ""} is a quote and commas, CR and LF are data. A record ends at LF or
 * CRLF; a lone CR outside quotes is data. Empty lines are skipped but counted. The last record may lack a final
 * newline.
 *
 * <p>Lenient where RFC 4180 is strict, so that a row is kept rather than lost: a quote inside an unquoted field
 * is data, and characters after a closing quote are appended to the field.
 *
 * <p>The parser reuses its buffers from record to record: memory grows only with the longest record, never with
 * the input. Strings are built only when asked for, so that skipping records is cheap. Not thread-safe.
 */
final class CsvRecordParser implements Closeable {
    private static final int READ_BUFFER = 1 << 16;
    private static final int COMMA = 0;
    private static final int END_OF_LINE = 1;
    private static final int END_OF_INPUT = 2;

    private final Reader in;
    private final char[] buffer = new char[READ_BUFFER];
    private int pos;
    private int limit;
    private boolean exhausted;

    /** The record's text as read, without its line terminator; unquoted fields are slices of it. */
    private char[] raw = new char[4096];

    private int rawLength;
    /** The content of quoted fields, unescaped. */
    private char[] unquoted = new char[1024];

    private int unquotedLength;

    private int[] fieldStart = new int[64];
    private int[] fieldEnd = new int[64];
    private boolean[] fieldQuoted = new boolean[64];
    private int fieldCount;

    private long nextLine = 1;
    private long recordLine;
    private boolean unterminated;

    CsvRecordParser(Reader in) {
        this.in = requireNonNull(in, "in is null");
    }

    /**
     * Reads the next record, skipping empty lines.
     *
     * @return false at the end of the input
     */
    boolean next() throws IOException {
        while (true) {
            rawLength = 0;
            unquotedLength = 0;
            fieldCount = 0;
            unterminated = false;
            if (!ensure()) {
                return false;
            }
            recordLine = nextLine;
            parseRecord();
            if (rawLength > 0 || unterminated) {
                return true;
            }
        }
    }

    /** The 1-based physical line the current record starts on. */
    long line() {
        return recordLine;
    }

    /** The 1-based physical line the parser has reached. */
    long currentLine() {
        return nextLine;
    }

    /** Whether the current record ends inside a quoted field at the end of the input. */
    boolean unterminated() {
        return unterminated;
    }

    /** The number of fields of the current record. */
    int fieldCount() {
        return fieldCount;
    }

    /** Field {@code index} of the current record, unescaped. */
    String field(int index) {
        if (index < 0 || index >= fieldCount) {
            throw new IndexOutOfBoundsException("field " + index + " of a record with " + fieldCount + " fields");
        }
        char[] source = fieldQuoted[index] ? unquoted : raw;
        return new String(source, fieldStart[index], fieldEnd[index] - fieldStart[index]);
    }

    /** The current record's text as read, quotes kept, without its line terminator. */
    String raw() {
        return new String(raw, 0, rawLength);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void parseRecord() throws IOException {
        int end;
        do {
            if (ensure() && buffer[pos] == '"') {
                int start = unquotedLength;
                appendRaw('"');
                pos++;
                if (!scanQuoted()) {
                    unterminated = true;
                    addField(true, start, unquotedLength);
                    return;
                }
                end = scanPlain(true);
                addField(true, start, unquotedLength);
            } else {
                int start = rawLength;
                end = scanPlain(false);
                addField(false, start, end == COMMA ? rawLength - 1 : rawLength);
            }
        } while (end == COMMA);
    }

    /**
     * Scans up to the next comma or line end, copying to the raw text (and to the unquoted text when the field
     * was quoted). A comma is kept in the raw text; a line terminator is consumed but not kept.
     */
    private int scanPlain(boolean quotedField) throws IOException {
        while (true) {
            if (!ensure()) {
                return END_OF_INPUT;
            }
            char[] chars = buffer;
            int p = pos;
            int stop = limit;
            while (p < stop) {
                char c = chars[p];
                if (c == ',' || c == '\n' || c == '\r') {
                    break;
                }
                p++;
            }
            append(chars, pos, p - pos, quotedField);
            pos = p;
            if (p == stop) {
                continue;
            }
            char c = chars[p];
            pos++;
            if (c == ',') {
                appendRaw(',');
                return COMMA;
            }
            if (c == '\n') {
                nextLine++;
                return END_OF_LINE;
            }
            if (ensure() && buffer[pos] == '\n') {
                pos++;
                nextLine++;
                return END_OF_LINE;
            }
            appendRaw('\r');
            if (quotedField) {
                appendUnquoted('\r');
            }
        }
    }

    /**
     * Scans the inside of a quoted field, after its opening quote, up to and including its closing quote.
     *
     * @return false when the input ends inside the quotes
     */
    private boolean scanQuoted() throws IOException {
        while (true) {
            if (!ensure()) {
                return false;
            }
            char[] chars = buffer;
            int p = pos;
            int stop = limit;
            long lines = 0;
            while (p < stop) {
                char c = chars[p];
                if (c == '"') {
                    break;
                }
                if (c == '\n') {
                    lines++;
                }
                p++;
            }
            nextLine += lines;
            append(chars, pos, p - pos, true);
            pos = p;
            if (p == stop) {
                continue;
            }
            pos++;
            appendRaw('"');
            if (ensure() && buffer[pos] == '"') {
                pos++;
                appendRaw('"');
                appendUnquoted('"');
                continue;
            }
            return true;
        }
    }

    private boolean ensure() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            exhausted = true;
            pos = 0;
            limit = 0;
            return false;
        }
        pos = 0;
        limit = read;
        return true;
    }

    private void append(char[] chars, int offset, int length, boolean alsoUnquoted) {
        if (length == 0) {
            return;
        }
        if (rawLength + length > raw.length) {
            raw = Arrays.copyOf(raw, Math.max(raw.length * 2, rawLength + length));
        }
        System.arraycopy(chars, offset, raw, rawLength, length);
        rawLength += length;
        if (alsoUnquoted) {
            if (unquotedLength + length > unquoted.length) {
                unquoted = Arrays.copyOf(unquoted, Math.max(unquoted.length * 2, unquotedLength + length));
            }
            System.arraycopy(chars, offset, unquoted, unquotedLength, length);
            unquotedLength += length;
        }
    }

    private void appendRaw(char c) {
        if (rawLength == raw.length) {
            raw = Arrays.copyOf(raw, raw.length * 2);
        }
        raw[rawLength++] = c;
    }

    private void appendUnquoted(char c) {
        if (unquotedLength == unquoted.length) {
            unquoted = Arrays.copyOf(unquoted, unquoted.length * 2);
        }
        unquoted[unquotedLength++] = c;
    }

    private void addField(boolean quoted, int start, int end) {
        if (fieldCount == fieldStart.length) {
            int size = fieldCount * 2;
            fieldStart = Arrays.copyOf(fieldStart, size);
            fieldEnd = Arrays.copyOf(fieldEnd, size);
            fieldQuoted = Arrays.copyOf(fieldQuoted, size);
        }
        fieldStart[fieldCount] = start;
        fieldEnd[fieldCount] = end;
        fieldQuoted[fieldCount] = quoted;
        fieldCount++;
    }
}
