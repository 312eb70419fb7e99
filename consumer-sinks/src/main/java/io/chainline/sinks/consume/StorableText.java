package io.chainline.sinks.consume;

import java.util.Locale;

/**
 * Says whether a string is text every sink can store: no NUL character (PostgreSQL's {@code text} and {@code jsonb}
 * refuse U+0000, see https://www.postgresql.org/docs/current/datatype-json.html) and no unpaired surrogate (not
 * Unicode at all: {@code jsonb} refuses its escape and UTF-8 cannot encode it, so Avro would store a {@code ?}).
 */
final class StorableText {
    private StorableText() {}

    /** Null when {@code text} is storable, else what it holds that is not, naming the code point only. */
    static String problem(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "a NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format(Locale.ROOT, "an unpaired surrogate (U+%04X)", (int) c);
            }
        }
        return null;
    }
}
