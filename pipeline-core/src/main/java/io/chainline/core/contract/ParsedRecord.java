package io.chainline.core.contract;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One DataCo row with every value parsed to its column's type. Immutable; empty source values are absent
 * ({@code null}).
 */
public final class ParsedRecord {
    private final Map<DataCoColumn, Object> values;

    /**
     * Creates a record from parsed values; {@code null} values are left out.
     *
     * @param values parsed values by column, each of its column's {@link ColumnType#javaType()}; copied
     * @throws IllegalArgumentException when a value is not of its column's type
     */
    public ParsedRecord(Map<DataCoColumn, ?> values) {
        requireNonNull(values, "values is null");
        EnumMap<DataCoColumn, Object> copy = new EnumMap<>(DataCoColumn.class);
        values.forEach((column, value) -> {
            requireNonNull(column, "column is null");
            if (value != null) {
                checkType(column, value.getClass());
                copy.put(column, value);
            }
        });
        this.values = Collections.unmodifiableMap(copy);
    }

    /** The parsed value of {@code column}, or {@code null} when the source value was empty. */
    public Object get(DataCoColumn column) {
        requireNonNull(column, "column is null");
        return values.get(column);
    }

    /**
     * The parsed value of {@code column} as {@code type}, or {@code null} when the source value was empty.
     *
     * @throws IllegalArgumentException when {@code type} is not the column's {@link ColumnType#javaType()}
     */
    public <T> T getAs(DataCoColumn column, Class<T> type) {
        requireNonNull(column, "column is null");
        requireNonNull(type, "type is null");
        checkType(column, type);
        return type.cast(values.get(column));
    }

    /** The non-empty values by column, in file order (an unmodifiable view). */
    public Map<DataCoColumn, Object> values() {
        return values;
    }

    private static void checkType(DataCoColumn column, Class<?> type) {
        Class<?> expected = column.type().javaType();
        if (!expected.equals(type)) {
            throw new IllegalArgumentException("Column '" + column.header() + "' holds " + expected.getSimpleName()
                    + " values, not " + type.getSimpleName());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedRecord that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "ParsedRecord" + values;
    }
}
