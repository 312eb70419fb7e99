package io.chainline.core.contract;

import io.chainline.core.error.DataQualityException;

import static java.util.Objects.requireNonNull;

/**
 * A source value that breaks the record contract, e.g.
 * {@code Column 'Order Item Quantity': value 'abc' is not an integer}. Carries the column, the raw value and the
 * reason separately, so validation can count problems per column and report them without parsing the message.
 */
public final class ValueParseException extends DataQualityException {
    private static final long serialVersionUID = 1L;

    /** Longest part of a raw value quoted in the message; the full value stays available in {@link #value()}. */
    private static final int MAX_QUOTED_LENGTH = 100;

    private final DataCoColumn column;
    private final String value;
    private final String reason;

    /**
     * Creates the exception; the message is rendered from the three parts.
     *
     * @param column the column the value belongs to
     * @param value the raw value as it arrived; {@code null} (an absent value) is kept as {@code ""}
     * @param reason what is wrong, as a predicate of the value, e.g. {@code "is not an integer"}
     */
    public ValueParseException(DataCoColumn column, String value, String reason) {
        super(render(column, value, reason));
        this.column = column;
        this.value = value == null ? "" : value;
        this.reason = reason;
    }

    /** The column the rejected value belongs to. */
    public DataCoColumn column() {
        return column;
    }

    /** The raw value exactly as it arrived (not trimmed); {@code ""} when the value was absent. */
    public String value() {
        return value;
    }

    /** What is wrong with the value, e.g. {@code "is not an integer"}. */
    public String reason() {
        return reason;
    }

    private static String render(DataCoColumn column, String value, String reason) {
        requireNonNull(column, "column is null");
        requireNonNull(reason, "reason is null");
        return "Column '" + column.header() + "': value '" + quote(value == null ? "" : value) + "' " + reason;
    }

    // Keeps the message on one line and bounded, whatever the source row held.
    private static String quote(String value) {
        int length = Math.min(value.length(), MAX_QUOTED_LENGTH);
        StringBuilder quoted = new StringBuilder(length + 8);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        if (value.length() > MAX_QUOTED_LENGTH) {
            quoted.append("...(").append(value.length()).append(" chars)");
        }
        return quoted.toString();
    }
}
