package io.chainline.core.generator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chainline.core.contract.DataCoColumn;

import static java.util.Objects.requireNonNull;

/**
 * One generated DataCo row: its index in the generated sequence (0-based; its Order Item Id is {@code index + 1})
 * and its 53 raw values in {@link DataCoColumn} file order, exactly as a CSV file of the dataset holds them
 * (trailing spaces, empty strings and masked values included).
 *
 * @param index  the row's position in the generated sequence, from 0
 * @param values the 53 raw values in file order; copied into an immutable list
 */
public record GeneratedRow(long index, List<String> values) {
    private static final int COLUMNS = DataCoColumn.inFileOrder().size();

    /**
     * Checks and copies the values.
     *
     * @throws IllegalArgumentException when {@code index} is negative or there are not exactly 53 values
     * @throws NullPointerException when {@code values} or one of them is {@code null}
     */
    public GeneratedRow {
        requireNonNull(values, "values is null");
        if (index < 0) {
            throw new IllegalArgumentException("Generated row index " + index + " is negative, expected >= 0");
        }
        values = List.copyOf(values);
        if (values.size() != COLUMNS) {
            throw new IllegalArgumentException("Generated row " + index + " has " + values.size() + " values, expected "
                    + COLUMNS + " (one per DataCo column)");
        }
    }

    /** The raw value of {@code column} ({@code ""} when empty, never {@code null}). */
    public String get(DataCoColumn column) {
        requireNonNull(column, "column is null");
        return values.get(column.ordinal());
    }

    /**
     * The row as header text to raw value, in file order: the shape of a CSV record read with its header and of
     * the Kafka JSON value, as {@link io.chainline.core.contract.DataCoRecordParser#parse(Map)} takes it.
     *
     * @return a new mutable {@link LinkedHashMap}
     */
    public Map<String, String> asHeaderMap() {
        List<String> headers = DataCoColumn.headers();
        Map<String, String> map = new LinkedHashMap<>(COLUMNS * 4 / 3 + 1);
        for (int i = 0; i < COLUMNS; i++) {
            map.put(headers.get(i), values.get(i));
        }
        return map;
    }
}
