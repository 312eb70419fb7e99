package io.chainline.olap.conform;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.contract.DataCoValueParser;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

/**
 * The rules of {@link DataCoValueParser} as Spark column expressions, so that conforming runs in generated code
 * instead of calling Java per row: trimmed ({@link String#trim()}'s characters), blank is null, integers, decimals
 * with {@code '.'}, range-checked coordinates, and both date forms read as UTC (see {@link DateOrdersRule}). A
 * value the parser accepts conforms here too; the silver types add one limit: a decimal must fit
 * {@code DECIMAL(38,9)} (more fraction digits are rounded half up).
 *
 * <p>Three steps, meant for separate projections so that no expression is generated twice: {@link #clean} the raw
 * string, compute the {@link #value} from the clean text, then the {@link #problem} from the text and the value;
 * the problem expression examines a value only when it is null, so valid rows pay for one check per column.
 */
public final class ValueRules {
    /** The silver type of money, rates and ratios. */
    public static final DecimalType DECIMAL = DataTypes.createDecimalType(38, 9);

    static final String DECIMAL_SYNTAX = "^[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$";
    /** Where the parser's scan of a decimal stops at a ',' (its "use '.'" message). */
    static final String STOPS_AT_COMMA = "^[+-]?([0-9]+(\\.[0-9]+)?[eE][+-]?[0-9]*|[0-9]+\\.[0-9]*|[0-9]*),";

    private static final String INT_SYNTAX = "^[+-]?[0-9]+$";
    /** The characters {@link String#trim()} removes: every code point up to U+0020. */
    private static final String TRIMMED = trimmedCharacters();

    private ValueRules() {}

    /** The value and problem of {@code column} from its raw string in one go (for single projections and tests). */
    public static ConformedValue of(DataCoColumn column, Column raw) {
        requireNonNull(column, "column is null");
        requireNonNull(raw, "raw is null");
        Column text = clean(raw);
        Column value = value(column, text);
        return new ConformedValue(value, problem(column, text, value));
    }

    /** {@code raw} trimmed like {@link String#trim()}, null when nothing is left. */
    public static Column clean(Column raw) {
        return nullIfEmpty(trimmed(raw));
    }

    /**
     * {@code raw} trimmed like {@link String#trim()}. Trimming a set of characters costs a scan of the set per
     * character, so it runs only for a value that starts or ends with one of them (a one-character comparison;
     * multi-byte UTF-8 characters compare above {@code ' '}).
     */
    public static Column trimmed(Column raw) {
        requireNonNull(raw, "raw is null");
        Column space = lit(" ");
        return when(substring(raw, 1, 1).leq(space).or(substring(raw, -1, 1).leq(space)), trim(raw, TRIMMED))
                .otherwise(raw);
    }

    /** {@code text}, or null when it is empty. */
    public static Column nullIfEmpty(Column text) {
        requireNonNull(text, "text is null");
        return when(text.notEqual(lit("")), text);
    }

    /** The typed value of {@code column} from its {@link #clean} text; null when empty or invalid. */
    public static Column value(DataCoColumn column, Column text) {
        requireNonNull(column, "column is null");
        requireNonNull(text, "text is null");
        return switch (column.type()) {
            case STRING -> text;
            case INT -> when(text.rlike(INT_SYNTAX), text.cast(DataTypes.IntegerType));
            case DECIMAL -> when(text.rlike(DECIMAL_SYNTAX), text.cast(DECIMAL));
            case DOUBLE -> {
                Column number = text.cast(DataTypes.DoubleType);
                int limit = limit(column);
                Column bound = lit(limit > 0 ? limit : Double.MAX_VALUE);
                Column valid = text.rlike(DECIMAL_SYNTAX).and(abs(number).leq(bound));
                yield when(valid, number);
            }
            case TIMESTAMP -> DateOrdersRule.value(text);
        };
    }

    /**
     * Why the value of {@code column} is invalid, naming column and (trimmed) value ({@code Sales: 'abc' is not a
     * decimal number}); null when it is valid, or empty and optional. One message per column, whose reason is
     * chosen by a CASE of constants, keeps the generated code small.
     *
     * @param text the {@link #clean} text
     * @param value its {@link #value}
     */
    public static Column problem(DataCoColumn column, Column text, Column value) {
        requireNonNull(column, "column is null");
        requireNonNull(text, "text is null");
        requireNonNull(value, "value is null");
        Column reason = when(text.isNull(), column.required() ? lit("is required but empty") : lit(null))
                .when(value.isNotNull(), lit(null));
        reason = switch (column.type()) {
            case STRING -> reason;
            case INT ->
                reason.when(text.rlike(INT_SYNTAX).unary_$bang(), lit("is not an integer"))
                        .otherwise(lit("is out of range for an integer"));
            case DECIMAL ->
                reason.when(text.rlike(DECIMAL_SYNTAX).unary_$bang(), syntaxReason(text))
                        .otherwise(lit("is out of range for DECIMAL(38,9)"));
            case DOUBLE -> {
                int limit = limit(column);
                Column checked = reason.when(text.rlike(DECIMAL_SYNTAX).unary_$bang(), syntaxReason(text))
                        .when(
                                abs(text.cast(DataTypes.DoubleType)).equalTo(lit(Double.POSITIVE_INFINITY)),
                                lit("is out of range for a double"));
                yield limit > 0 ? checked.otherwise(lit("is outside [-" + limit + ", " + limit + "]")) : checked;
            }
            case TIMESTAMP -> DateOrdersRule.reason(text, reason);
        };
        return concat(lit(column.header() + ": '"), coalesce(text, lit("")), lit("' "), reason);
    }

    private static int limit(DataCoColumn column) {
        return column == DataCoColumn.LATITUDE ? 90 : column == DataCoColumn.LONGITUDE ? 180 : 0;
    }

    private static Column syntaxReason(Column text) {
        return when(
                        text.rlike(STOPS_AT_COMMA),
                        lit("is not a decimal number: use '.' as the decimal separator and no thousands separators"))
                .otherwise(lit("is not a decimal number"));
    }

    private static String trimmedCharacters() {
        StringBuilder characters = new StringBuilder();
        for (char c = 0; c <= ' '; c++) {
            characters.append(c);
        }
        return characters.toString();
    }
}
