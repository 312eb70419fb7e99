package io.chainline.sinks.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import static java.util.Objects.requireNonNull;

/**
 * Encodes rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN} into one reusable buffer and hands
 * it to a {@link Target} whenever it is full, so a batch of any size streams through bounded memory. One writer
 * serves one stream at a time; {@link #begin} starts the next.
 *
 * <p>Fields are separated by a tab and rows end with a newline; {@code \N} is null; backslash, newline, carriage
 * return and tab inside a value are written as {@code \\}, {@code \n}, {@code \r}, {@code \t}. Every other byte
 * goes as it is, which keeps UTF-8 intact: those four are ASCII and never occur inside a multi-byte sequence. See
 * https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.2.
 */
final class CopyTextWriter {
    private static final byte TAB = '\t';
    private static final byte NEWLINE = '\n';
    private static final byte BACKSLASH = '\\';
    private static final byte[] NULL = {BACKSLASH, 'N'};

    /** Where full buffers go, e.g. {@code CopyIn.writeToCopy}. */
    @FunctionalInterface
    interface Target {
        /** Takes {@code bytes[0..length)}; the array is reused after the call returns. */
        void write(byte[] bytes, int length) throws SQLException;
    }

    private final byte[] buffer;
    private Target target;
    private int used;
    private boolean rowStarted;
    private long flushed;

    /**
     * @param bufferSize bytes buffered before they go to the target; at least 64
     */
    CopyTextWriter(int bufferSize) {
        if (bufferSize < 64) {
            throw new IllegalArgumentException("bufferSize is " + bufferSize + ", expected at least 64");
        }
        this.buffer = new byte[bufferSize];
    }

    /** Starts a new stream of rows to {@code target}, dropping whatever an unfinished earlier stream left. */
    void begin(Target target) {
        this.target = requireNonNull(target, "target is null");
        used = 0;
        flushed = 0;
        rowStarted = false;
    }

    /** Appends a text field; {@code null} is SQL null. */
    void text(String value) throws SQLException {
        if (value == null) {
            nullField();
        } else {
            utf8(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Appends a field whose value is UTF-8 text given as bytes, escaped as needed. */
    void utf8(byte[] value) throws SQLException {
        separate();
        int runStart = 0;
        for (int i = 0; i < value.length; i++) {
            byte escaped = escapeOf(value[i]);
            if (escaped != 0) {
                append(value, runStart, i - runStart);
                ensure(2);
                buffer[used++] = BACKSLASH;
                buffer[used++] = escaped;
                runStart = i + 1;
            }
        }
        append(value, runStart, value.length - runStart);
    }

    /** Appends a field that needs no escaping (digits, a UUID's text); the caller vouches for it. */
    void plain(byte[] value) throws SQLException {
        separate();
        append(value, 0, value.length);
    }

    /** Appends a whole-number field. */
    void number(long value) throws SQLException {
        plain(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
    }

    /** Appends an SQL null. */
    void nullField() throws SQLException {
        separate();
        append(NULL, 0, NULL.length);
    }

    /** Ends the current row. */
    void endRow() throws SQLException {
        ensure(1);
        buffer[used++] = NEWLINE;
        rowStarted = false;
    }

    /** Hands what is buffered to the target. */
    void flush() throws SQLException {
        if (used > 0) {
            if (target == null) {
                throw new IllegalStateException("no stream to write to: begin() was not called");
            }
            target.write(buffer, used);
            flushed += used;
            used = 0;
        }
    }

    /** Bytes produced so far, flushed or not. */
    long bytesWritten() {
        return flushed + used;
    }

    private void separate() throws SQLException {
        if (rowStarted) {
            ensure(1);
            buffer[used++] = TAB;
        }
        rowStarted = true;
    }

    private void append(byte[] source, int offset, int length) throws SQLException {
        int from = offset;
        int left = length;
        while (left > 0) {
            if (used == buffer.length) {
                flush();
            }
            int chunk = Math.min(left, buffer.length - used);
            System.arraycopy(source, from, buffer, used, chunk);
            used += chunk;
            from += chunk;
            left -= chunk;
        }
    }

    private void ensure(int bytes) throws SQLException {
        if (buffer.length - used < bytes) {
            flush();
        }
    }

    private static byte escapeOf(byte b) {
        return switch (b) {
            case '\\' -> '\\';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            default -> 0;
        };
    }
}
