package io.chainline.core.contract;

import java.util.Locale;

/**
 * The record contract's rule for text: a value (and a column name) must be text every sink can store, so it holds
 * no NUL character (PostgreSQL's {@code text} and {@code jsonb} refuse U+0000, see
 * https://www.postgresql.org/docs/current/datatype-json.html) and no unpaired surrogate (not Unicode at all:
 * {@code jsonb} refuses its escape and UTF-8 cannot encode it, so Avro would store a {@code ?}). The ingest rejects
 * such a row, and the consumer sends such a record from another producer to the dead-letter topic.
 */
public final class StorableText {
    private StorableText() {}

    /**
     * Null when {@code text} is storable, else what it holds that is not, naming the code point only (never the
     * text around it, which may be personal data): {@code a NUL character (U+0000)}.
     */
    public static String problem(String text) {
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
