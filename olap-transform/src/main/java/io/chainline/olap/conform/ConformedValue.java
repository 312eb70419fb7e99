package io.chainline.olap.conform;

import org.apache.spark.sql.Column;

import static java.util.Objects.requireNonNull;

/**
 * The two expressions that conform one contract column of a raw row.
 *
 * @param value the typed value, null when the raw value is empty or breaks the rule
 * @param problem why the raw value breaks the rule, naming column and trimmed value ({@code Sales: 'abc' is not a
 *     decimal number}); null when it is valid or empty and optional
 */
public record ConformedValue(Column value, Column problem) {

    public ConformedValue {
        requireNonNull(value, "value is null");
        requireNonNull(problem, "problem is null");
    }
}
