package io.chainline.sinks.consume;

/**
 * Finds the first byte where a value stops being well-formed UTF-8 (RFC 3629): no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF. The bronze sink copies a value's bytes as they are, and PostgreSQL refuses
 * any other byte sequence, while a JSON parser decodes some of them (an encoded surrogate pair) without complaint.
 */
final class Utf8Check {
    private Utf8Check() {}

    /** The index of the first byte that is not part of well-formed UTF-8, or -1 when all are. */
    static int firstInvalid(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int min;
            int max;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min = 0x80;
                max = 0x7FF;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min = 0x800;
                max = 0xFFFF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min = 0x10000;
                max = 0x10FFFF;
            } else {
                return i;
            }
            if (i + length > n) {
                return i;
            }
            int code = b & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return i;
                }
                code = (code << 6) | (next & 0x3F);
            }
            if (code < min || code > max || (code >= 0xD800 && code <= 0xDFFF)) {
                return i;
            }
            i += length;
        }
        return -1;
    }
}
