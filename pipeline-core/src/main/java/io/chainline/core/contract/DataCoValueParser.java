package io.chainline.core.contract;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The one place that turns a raw DataCo source string into a typed value. Ingest validation and Spark conforming
 * both call it, so a value is accepted or rejected the same way in every stage.
 *
 * <p>Rules, applied after trimming (an empty or blank value is {@code null}; for a {@linkplain DataCoColumn#required()
 * required} column that is an error):
 * <ul>
 *   <li>{@link ColumnType#STRING}: the trimmed text.</li>
 *   <li>{@link ColumnType#INT}: an optional sign and ASCII digits, within the {@code int} range.</li>
 *   <li>{@link ColumnType#DECIMAL}: an optional sign, digits, an optional {@code '.'} fraction and an optional
 *       exponent ({@code 1.5E-7}); no {@code ','} separators, {@code NaN}, {@code Infinity}, hex or type suffixes.</li>
 *   <li>{@link ColumnType#DOUBLE}: the DECIMAL syntax, a finite result; Latitude within [-90, 90] and Longitude
 *       within [-180, 180].</li>
 *   <li>{@link ColumnType#TIMESTAMP}: {@code M/d/yyyy H:mm} or {@code M/d/yy H:mm} (20yy) with a real calendar date
 *       and time of day, read as UTC.</li>
 * </ul>
 * Stateless and thread-safe; the accepting path uses no regular expressions and allocates only the result.
 */
public final class DataCoValueParser implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String REQUIRED_BUT_EMPTY = "is required but empty";
    static final String NOT_AN_INTEGER = "is not an integer";
    static final String INTEGER_OUT_OF_RANGE = "is out of range for an integer";
    static final String NOT_A_DECIMAL = "is not a decimal number";
    static final String COMMA_SEPARATOR =
            "is not a decimal number: use '.' as the decimal separator" + " and no thousands separators";
    static final String DECIMAL_OUT_OF_RANGE = "is out of range for a decimal";
    static final String DOUBLE_OUT_OF_RANGE = "is out of range for a double";

    /** Magnitude of {@link Integer#MIN_VALUE}; any larger magnitude is out of range for either sign. */
    private static final long INT_MAGNITUDE_LIMIT = 1L << 31;

    /**
     * Parses {@code raw} by the rules of {@code column}'s type.
     *
     * @return a {@link String}, {@link Integer}, {@link BigDecimal}, {@link Double} or {@link Instant} as
     *     {@link ColumnType#javaType()} says, or {@code null} for an empty optional value
     * @throws ValueParseException when the value breaks the column's rule
     */
    public Object parse(DataCoColumn column, String raw) {
        requireNonNull(column, "column is null");
        return switch (column.type()) {
            case STRING -> parseString(column, raw);
            case INT -> parseInt(column, raw);
            case DECIMAL -> parseDecimal(column, raw);
            case DOUBLE -> parseDouble(column, raw);
            case TIMESTAMP -> parseTimestamp(column, raw);
        };
    }

    /**
     * Whether {@link #parse} accepts {@code raw} for {@code column}, without building the value: no
     * {@link BigDecimal}, {@link Instant} or exception on the way for the usual values. Validation that throws the
     * parsed values away calls this and parses only a rejected value again, for its message.
     */
    public boolean isValid(DataCoColumn column, String raw) {
        requireNonNull(column, "column is null");
        String value = clean(raw);
        if (value == null) {
            return !column.required();
        }
        return switch (column.type()) {
            case STRING -> true;
            case INT -> intProblem(value) == null;
            case DECIMAL -> decimalSyntaxProblem(value) == null && (!hasExponent(value) || decimalInRange(value));
            case DOUBLE -> doubleProblem(column, value) == null;
            case TIMESTAMP -> DateOrdersFormat.problem(value) == null;
        };
    }

    /**
     * The trimmed value of a {@link ColumnType#STRING} column, or {@code null} when empty.
     *
     * @throws ValueParseException when the column is required and the value empty
     * @throws IllegalArgumentException when {@code column} is not a STRING column
     */
    public String parseString(DataCoColumn column, String raw) {
        return cleanFor(column, ColumnType.STRING, raw);
    }

    /**
     * The value of an {@link ColumnType#INT} column, or {@code null} when empty.
     *
     * @throws ValueParseException when the value is not an integer or outside the {@code int} range
     * @throws IllegalArgumentException when {@code column} is not an INT column
     */
    public Integer parseInt(DataCoColumn column, String raw) {
        String value = cleanFor(column, ColumnType.INT, raw);
        if (value == null) {
            return null;
        }
        String problem = intProblem(value);
        if (problem != null) {
            throw new ValueParseException(column, raw, problem);
        }
        // intProblem accepted only an optional sign and ASCII digits within the int range.
        return Integer.parseInt(value);
    }

    /**
     * The exact value of a {@link ColumnType#DECIMAL} column as written (scale kept), or {@code null} when empty.
     *
     * @throws ValueParseException when the value is not a plain decimal number
     * @throws IllegalArgumentException when {@code column} is not a DECIMAL column
     */
    public BigDecimal parseDecimal(DataCoColumn column, String raw) {
        String value = cleanFor(column, ColumnType.DECIMAL, raw);
        if (value == null) {
            return null;
        }
        String problem = decimalSyntaxProblem(value);
        if (problem != null) {
            throw new ValueParseException(column, raw, problem);
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            // The syntax is checked, so only an exponent beyond the int range gets here.
            throw new ValueParseException(column, raw, DECIMAL_OUT_OF_RANGE);
        }
    }

    /**
     * The value of a {@link ColumnType#DOUBLE} column, or {@code null} when empty.
     *
     * @throws ValueParseException when the value is not a plain decimal number, not finite, or outside the
     *     column's range (Latitude [-90, 90], Longitude [-180, 180])
     * @throws IllegalArgumentException when {@code column} is not a DOUBLE column
     */
    public Double parseDouble(DataCoColumn column, String raw) {
        String value = cleanFor(column, ColumnType.DOUBLE, raw);
        if (value == null) {
            return null;
        }
        String problem = doubleProblem(column, value);
        if (problem != null) {
            throw new ValueParseException(column, raw, problem);
        }
        return Double.parseDouble(value);
    }

    /**
     * The instant of a {@link ColumnType#TIMESTAMP} column ({@code M/d/yyyy H:mm} or {@code M/d/yy H:mm}, UTC),
     * or {@code null} when empty. {@code "1/31/2018 22:56"} and {@code "1/31/18 22:56"} are both
     * {@code 2018-01-31T22:56:00Z}.
     *
     * @throws ValueParseException when the value is not in either form or names an impossible date or time
     * @throws IllegalArgumentException when {@code column} is not a TIMESTAMP column
     */
    public Instant parseTimestamp(DataCoColumn column, String raw) {
        String value = cleanFor(column, ColumnType.TIMESTAMP, raw);
        return value == null ? null : DateOrdersFormat.parse(column, raw, value);
    }

    /** {@code raw} trimmed; {@code null} when {@code raw} is {@code null}, empty or blank. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.trim();
        return value.isBlank() ? null : value;
    }

    private static String cleanFor(DataCoColumn column, ColumnType expected, String raw) {
        requireNonNull(column, "column is null");
        if (column.type() != expected) {
            throw new IllegalArgumentException(
                    "Column '" + column.header() + "' has type " + column.type() + ", not " + expected);
        }
        String value = clean(raw);
        if (value == null && column.required()) {
            throw new ValueParseException(column, raw, REQUIRED_BUT_EMPTY);
        }
        return value;
    }

    /** Null when a trimmed, non-empty value is an {@code int}, else why not. */
    private static String intProblem(String value) {
        boolean negative = value.charAt(0) == '-';
        int start = negative || value.charAt(0) == '+' ? 1 : 0;
        if (start == value.length()) {
            return NOT_AN_INTEGER;
        }
        long magnitude = 0;
        for (int i = start; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!AsciiDigits.isDigit(c)) {
                return NOT_AN_INTEGER;
            }
            // Saturate instead of overflowing, and keep scanning so "99999999999x" is reported as not an integer.
            magnitude = Math.min(magnitude * 10 + (c - '0'), INT_MAGNITUDE_LIMIT + 1);
        }
        long signed = negative ? -magnitude : magnitude;
        return signed < Integer.MIN_VALUE || signed > Integer.MAX_VALUE ? INTEGER_OUT_OF_RANGE : null;
    }

    /** Null when a trimmed, non-empty value is {@code [+-]digits[.digits][(e|E)[+-]digits]}, else why not. */
    private static String decimalSyntaxProblem(String value) {
        int length = value.length();
        int i = value.charAt(0) == '-' || value.charAt(0) == '+' ? 1 : 0;
        int integerEnd = AsciiDigits.end(value, i);
        boolean valid = integerEnd > i;
        i = integerEnd;
        if (valid && i < length && value.charAt(i) == '.') {
            int fractionEnd = AsciiDigits.end(value, i + 1);
            valid = fractionEnd > i + 1;
            i = fractionEnd;
        }
        if (valid && i < length && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            int exponentStart =
                    i + 1 < length && (value.charAt(i + 1) == '-' || value.charAt(i + 1) == '+') ? i + 2 : i + 1;
            int exponentEnd = AsciiDigits.end(value, exponentStart);
            valid = exponentEnd > exponentStart;
            i = exponentEnd;
        }
        if (valid && i == length) {
            return null;
        }
        boolean commaSeparator = i < length && value.charAt(i) == ',';
        return commaSeparator ? COMMA_SEPARATOR : NOT_A_DECIMAL;
    }

    private static boolean hasExponent(String value) {
        return value.indexOf('e') >= 0 || value.indexOf('E') >= 0;
    }

    /** Whether a value of valid syntax has an exponent {@link BigDecimal} can represent. */
    private static boolean decimalInRange(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Null when a trimmed, non-empty value is a finite double within {@code column}'s range, else why not. */
    private static String doubleProblem(DataCoColumn column, String value) {
        String syntax = decimalSyntaxProblem(value);
        if (syntax != null) {
            return syntax;
        }
        double result = Double.parseDouble(value);
        if (Double.isInfinite(result)) {
            return DOUBLE_OUT_OF_RANGE;
        }
        if (column == DataCoColumn.LATITUDE) {
            return rangeProblem(result, 90);
        }
        return column == DataCoColumn.LONGITUDE ? rangeProblem(result, 180) : null;
    }

    private static String rangeProblem(double value, int limit) {
        return value < -limit || value > limit ? "is outside [-" + limit + ", " + limit + "]" : null;
    }
}
