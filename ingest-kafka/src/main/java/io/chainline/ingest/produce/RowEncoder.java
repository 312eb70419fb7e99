package io.chainline.ingest.produce;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Encodes a row as the Kafka value of the record contract: one JSON object whose keys are the original header
 * names and whose values are the original strings, in the source's column order.
 *
 * <p>Writes UTF-8 straight into a reused buffer, each field name encoded once, byte for byte what Jackson's
 * {@code JsonGenerator.writeStringField} writes with its defaults: {@code "} and {@code \} escaped with a backslash,
 * control characters below U+0020 as a backslash and {@code b t n f r} or as a six-character Unicode escape
 * (upper-case hex), surrogates as a Unicode escape each, everything else as UTF-8. Jackson's generator spent most of its time re-encoding the 53
 * field names of every row. Not thread-safe; one per thread.
 */
final class RowEncoder {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    /** Per ASCII character: 0 written as is, -1 written as a Unicode escape, else the letter after a backslash. */
    private static final byte[] ESCAPES = escapes();
    /** Bounds the name cache for sources whose column names change from row to row. */
    private static final int MAX_CACHED_NAMES = 4096;

    private final Map<String, byte[]> names = new HashMap<>();
    /** The previous row's names by position: rows of one file share their name instances, found by identity. */
    private String[] lastKeys = new String[64];

    private byte[][] lastNames = new byte[64][];
    private byte[] buffer = new byte[4096];
    private int length;

    byte[] encode(Map<String, String> values) {
        length = 0;
        append((byte) '{');
        int position = 0;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (position > 0) {
                append((byte) ',');
            }
            byte[] name = name(position++, entry.getKey());
            ensure(name.length);
            System.arraycopy(name, 0, buffer, length, name.length);
            length += name.length;
            String value = entry.getValue();
            if (value == null) {
                ensure(NULL.length);
                System.arraycopy(NULL, 0, buffer, length, NULL.length);
                length += NULL.length;
            } else {
                appendString(value);
            }
        }
        append((byte) '}');
        return Arrays.copyOf(buffer, length);
    }

    private byte[] name(int position, String key) {
        if (position < lastKeys.length && lastKeys[position] == key && key != null) {
            return lastNames[position];
        }
        byte[] encoded = name(key);
        if (position >= lastKeys.length) {
            lastKeys = Arrays.copyOf(lastKeys, position * 2);
            lastNames = Arrays.copyOf(lastNames, position * 2);
        }
        lastKeys[position] = key;
        lastNames[position] = encoded;
        return encoded;
    }

    /** {@code "name":} as bytes, encoded once per distinct name. */
    private byte[] name(String key) {
        byte[] encoded = names.get(key);
        if (encoded == null) {
            int start = length;
            appendString(key);
            append((byte) ':');
            encoded = Arrays.copyOfRange(buffer, start, length);
            length = start;
            if (names.size() < MAX_CACHED_NAMES) {
                names.put(key, encoded);
            }
        }
        return encoded;
    }

    private void appendString(String value) {
        int count = value.length();
        // At most 6 bytes per char (an escape); ensure once so the loop needs no bounds checks of its own.
        ensure(count * 6 + 2);
        byte[] out = buffer;
        int p = length;
        out[p++] = '"';
        for (int i = 0; i < count; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                byte escape = ESCAPES[c];
                if (escape == 0) {
                    out[p++] = (byte) c;
                } else if (escape > 0) {
                    out[p++] = '\\';
                    out[p++] = escape;
                } else {
                    p = unicodeEscape(out, p, c);
                }
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | (c >> 6));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                p = unicodeEscape(out, p, c);
            } else {
                out[p++] = (byte) (0xE0 | (c >> 12));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        out[p++] = '"';
        length = p;
    }

    private static int unicodeEscape(byte[] out, int at, char c) {
        int p = at;
        out[p++] = '\\';
        out[p++] = 'u';
        out[p++] = HEX[(c >> 12) & 0xF];
        out[p++] = HEX[(c >> 8) & 0xF];
        out[p++] = HEX[(c >> 4) & 0xF];
        out[p++] = HEX[c & 0xF];
        return p;
    }

    private void append(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    private static byte[] escapes() {
        byte[] escapes = new byte[128];
        for (int c = 0; c < 0x20; c++) {
            escapes[c] = -1;
        }
        escapes['"'] = '"';
        escapes['\\'] = '\\';
        escapes['\b'] = 'b';
        escapes['\t'] = 't';
        escapes['\f'] = 'f';
        escapes['\n'] = 'n';
        escapes['\r'] = 'r';
        return escapes;
    }
}
