package io.chainline.ingest.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A streaming RFC 4180 record parser over a {@link Reader}. Fields are separated by {@code ','} and may be quoted
 * with {@code '"'}; inside quotes {@code ""} is a quote and commas, CR and LF are data. A record ends at LF or
 * CRLF; a lone CR outside quotes is data. Blank lines (empty, or only spaces and tabs outside quotes) are skipped
 * but counted: no row has a single blank field, and an editor's trailing spaces would otherwise be rows. The last
 * record may lack a final newline.
 *
 * <p>Lenient where RFC 4180 is strict, so that a row is kept rather than lost: a quote inside an unquoted field
 * is data, and characters after a closing quote are appended to the field.
 *
 * <p>The parser reuses its buffers from record to record: memory grows only with the longest record, never with
 * the input, and a record may hold at most {@code maxRecordChars} characters. A longer one is {@link #oversized()}:
 * it ends at the end of the line it starts on, and parsing goes on from the next line, so a runaway quoted field
 * (a missing closing quote) costs one row, not the rest of the file, and a multi-gigabyte line is skipped in bounded
 * memory. A quoted field still open at the end of the input is {@link #unterminated()} and likewise ends its record
 * at the end of its first line. Strings are built only when asked for, so that skipping records is cheap. Not thread-safe.
 */
final class CsvRecordParser implements Closeable {
    private static final int READ_BUFFER = 1 << 16;
    private static final int COMMA = 0;
    private static final int END_OF_LINE = 1;
    private static final int END_OF_INPUT = 2;

    private final Reader in;
    private final int maxRecordChars;
    private char[] buffer = new char[READ_BUFFER];
    private int pos;
    private int limit;
    private boolean exhausted;
    /** Characters to read again before the input: what followed an oversized record's first line. */
    private char[] replay;

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
    private boolean oversized;

    /**
     * @param in the text
     * @param maxRecordChars the most characters a record may hold, its line terminators excluded; at least 1
     */
    CsvRecordParser(Reader in, int maxRecordChars) {
        this.in = requireNonNull(in, "in is null");
        if (maxRecordChars < 1) {
            throw new IllegalArgumentException("maxRecordChars is " + maxRecordChars + ", expected at least 1");
        }
        this.maxRecordChars = maxRecordChars;
    }

    /**
     * Reads the next record, skipping blank lines.
     *
     * @return false at the end of the input
     */
    boolean next() throws IOException {
        while (true) {
            rawLength = 0;
            unquotedLength = 0;
            fieldCount = 0;
            unterminated = false;
            oversized = false;
            if (!ensure()) {
                return false;
            }
            recordLine = nextLine;
            try {
                parseRecord();
            } catch (RecordTooLong e) {
                oversized = true;
                skipToNextLine(e.consumed);
                return true;
            }
            if (unterminated) {
                // The input ended inside quotes: a missing closing quote. Only the record's first line is lost.
                readAgainAfterFirstLine("");
                return true;
            }
            if (!blank()) {
                return true;
            }
        }
    }

    /** Whether the current record is one unquoted field of nothing but spaces and tabs (or nothing at all). */
    private boolean blank() {
        if (fieldCount != 1 || fieldQuoted[0]) {
            return false;
        }
        for (int i = 0; i < rawLength; i++) {
            if (raw[i] != ' ' && raw[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The 1-based physical line the current record starts on. */
    long line() {
        return recordLine;
    }

    /** The 1-based physical line the parser has reached. */
    long currentLine() {
        return nextLine;
    }

    /**
     * Whether the current record's quoted field is still open at the end of the input. Its fields are then unknown,
     * {@link #raw()} holds its first line, and the lines after it are parsed as records again.
     */
    boolean unterminated() {
        return unterminated;
    }

    /**
     * Whether the current record has more than {@code maxRecordChars} characters. Its fields are then unknown and
     * {@link #raw()} holds the start of it only.
     */
    boolean oversized() {
        return oversized;
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
                pos++;
                appendRaw('"');
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
        if (replay != null) {
            // The replayed characters become the buffer; a fresh buffer takes the input's text again after them.
            buffer = replay;
            replay = null;
            pos = 0;
            limit = buffer.length;
            return limit > 0 || ensure();
        }
        if (buffer.length != READ_BUFFER) {
            buffer = new char[READ_BUFFER];
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
        if (rawLength + length > maxRecordChars) {
            int fits = maxRecordChars - rawLength;
            System.arraycopy(chars, offset, growRaw(maxRecordChars), rawLength, fits);
            rawLength += fits;
            pos = offset + fits;
            throw new RecordTooLong("");
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
        if (rawLength == maxRecordChars) {
            throw new RecordTooLong(String.valueOf(c));
        }
        if (rawLength == raw.length) {
            raw = Arrays.copyOf(raw, Math.min(raw.length * 2, maxRecordChars));
        }
        raw[rawLength++] = c;
    }

    private char[] growRaw(int size) {
        if (raw.length < size) {
            raw = Arrays.copyOf(raw, size);
        }
        return raw;
    }

    /**
     * Ends an oversized record at the end of the line it starts on. The characters it took from later lines (inside
     * a quoted field) are read again as the next records; the rest of its own first line is skipped unread.
     *
     * @param consumed what the scan had taken from the input but not stored when the limit was hit
     */
    private void skipToNextLine(String consumed) throws IOException {
        if (readAgainAfterFirstLine(consumed)) {
            return;
        }
        while (ensure()) {
            int p = pos;
            while (p < limit && buffer[p] != '\n') {
                p++;
            }
            if (p < limit) {
                pos = p + 1;
                break;
            }
            pos = limit;
        }
        nextLine = recordLine + 1;
    }

    /**
     * When the current record spans lines, cuts it to its first line and has the text after that line read again,
     * from the line after it: a broken quoted field then costs one line, not the records that follow.
     *
     * @param consumed what the scan had taken from the input but not stored, read again after the record's text
     * @return false when the record has no line break, so nothing is read again
     */
    private boolean readAgainAfterFirstLine(String consumed) {
        fieldCount = 0;
        int firstBreak = -1;
        for (int i = 0; i < rawLength; i++) {
            if (raw[i] == '\n') {
                firstBreak = i;
                break;
            }
        }
        if (firstBreak < 0) {
            return false;
        }
        String again = new String(raw, firstBreak + 1, rawLength - firstBreak - 1)
                + consumed
                + new String(buffer, pos, limit - pos);
        replay = again.toCharArray();
        pos = 0;
        limit = 0;
        rawLength = firstBreak > 0 && raw[firstBreak - 1] == '\r' ? firstBreak - 1 : firstBreak;
        nextLine = recordLine + 1;
        return true;
    }

    /** Thrown inside the scan of a record that passes the limit; {@link #next()} ends the record. */
    private static final class RecordTooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** The character the scan took from the input but could not store, or empty. */
        final String consumed;

        RecordTooLong(String consumed) {
            super(null, null, false, false);
            this.consumed = consumed;
        }
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
