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
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

/**
 * The rules of {@link DataCoValueParser} as Spark column expressions, so that conforming runs in generated code
 * instead of calling Java per row: trimmed ({@link String#trim()}'s characters), blank is null, integers, decimals
 * with {@code '.'}, range-checked coordinates, and both date forms read as UTC (see {@link DateOrdersRule}). A
 * value the parser accepts conforms here too; the silver types add one limit: a decimal must fit
 * {@code DECIMAL(38,9)} (more fraction digits are rounded half up).
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

    private ValueRules() {
    }

    /** The expressions that conform {@code column} from its raw string {@code raw}. */
    public static ConformedValue of(DataCoColumn column, Column raw) {
        requireNonNull(column, "column is null");
        requireNonNull(raw, "raw is null");
        Column text = clean(raw);
        Column empty = column.required() ? problem(column, raw, lit("is required but empty")) : lit(null);
        return switch (column.type()) {
            case STRING -> new ConformedValue(text, when(text.isNull(), empty));
            case INT -> integer(column, raw, text, empty);
            case DECIMAL -> decimal(column, raw, text, empty);
            case DOUBLE -> floating(column, raw, text, empty);
            case TIMESTAMP -> DateOrdersRule.of(column, raw, text, empty);
        };
    }

    /** {@code raw} trimmed like {@link String#trim()}, null when nothing is left. */
    public static Column clean(Column raw) {
        Column trimmed = trim(raw, TRIMMED);
        return when(trimmed.notEqual(lit("")), trimmed);
    }

    /** {@code <header>: '<raw>' <reason>}. */
    static Column problem(DataCoColumn column, Column raw, Column reason) {
        return concat(lit(column.header() + ": '"), coalesce(raw, lit("")), lit("' "), reason);
    }

    private static ConformedValue integer(DataCoColumn column, Column raw, Column text, Column empty) {
        Column syntax = text.rlike(INT_SYNTAX);
        Column value = when(syntax, text.cast(DataTypes.IntegerType));
        Column problem = when(text.isNull(), empty)
                .when(syntax.unary_$bang(), problem(column, raw, lit("is not an integer")))
                .when(value.isNull(), problem(column, raw, lit("is out of range for an integer")));
        return new ConformedValue(value, problem);
    }

    private static ConformedValue decimal(DataCoColumn column, Column raw, Column text, Column empty) {
        Column syntax = text.rlike(DECIMAL_SYNTAX);
        Column value = when(syntax, text.cast(DECIMAL));
        Column problem = when(text.isNull(), empty)
                .when(syntax.unary_$bang(), syntaxProblem(column, raw, text))
                .when(value.isNull(), problem(column, raw, lit("is out of range for DECIMAL(38,9)")));
        return new ConformedValue(value, problem);
    }

    private static ConformedValue floating(DataCoColumn column, Column raw, Column text, Column empty) {
        Column syntax = text.rlike(DECIMAL_SYNTAX);
        Column number = when(syntax, text.cast(DataTypes.DoubleType));
        int limit = column == DataCoColumn.LATITUDE ? 90 : column == DataCoColumn.LONGITUDE ? 180 : 0;
        Column problem = when(text.isNull(), empty)
                .when(syntax.unary_$bang(), syntaxProblem(column, raw, text))
                .when(number.isNull().or(abs(number).equalTo(lit(Double.POSITIVE_INFINITY))),
                        problem(column, raw, lit("is out of range for a double")));
        if (limit > 0) {
            problem = problem.when(abs(number).gt(lit(limit)),
                    problem(column, raw, lit("is outside [-" + limit + ", " + limit + "]")));
        }
        return new ConformedValue(when(problem.isNull(), number), problem);
    }

    private static Column syntaxProblem(DataCoColumn column, Column raw, Column text) {
        return when(text.rlike(STOPS_AT_COMMA), problem(column, raw,
                lit("is not a decimal number: use '.' as the decimal separator and no thousands separators")))
                .otherwise(problem(column, raw, lit("is not a decimal number")));
    }

    private static String trimmedCharacters() {
        StringBuilder characters = new StringBuilder();
        for (char c = 0; c <= ' '; c++) {
            characters.append(c);
        }
        return characters.toString();
    }
}
