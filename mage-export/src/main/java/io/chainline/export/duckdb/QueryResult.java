package io.chainline.export.duckdb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The rows a query returned, as JDBC objects (nulls kept).
 *
 * @param columns the column labels, in order
 * @param rows the rows, each with one value per column
 * @param truncated whether more rows were available than were read
 */
public record QueryResult(List<String> columns, List<List<Object>> rows, boolean truncated) {

    public QueryResult {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        List<List<Object>> copy = new ArrayList<>();
        // List.copyOf refuses nulls, and SQL NULLs are values here.
        requireNonNull(rows, "rows is null")
                .forEach(row -> copy.add(Collections.unmodifiableList(new ArrayList<>(row))));
        rows = Collections.unmodifiableList(copy);
    }
}
