package io.chainline.runner.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chainline.core.json.Json;
import io.chainline.export.duckdb.QueryResult;
import io.chainline.runner.report.TextTable;

import static java.util.Objects.requireNonNull;

/**
 * Prints a {@link QueryResult} on stdout as an aligned table, CSV (RFC 4180) or a JSON array of objects, verbatim
 * (the values are the warehouse's, not log text to redact).
 */
final class QueryOutput {
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\r\n]");

    /** The formats of {@code chainline sql}; lower-case because they are the command-line values. */
    enum Format {
        table,
        csv,
        json
    }

    private final CliOutput output;
    private final ObjectMapper json = Json.reportMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    QueryOutput(CliOutput output) {
        this.output = requireNonNull(output, "output is null");
    }

    void print(QueryResult result, Format format) {
        requireNonNull(result, "result is null");
        switch (requireNonNull(format, "format is null")) {
            case table -> table(result);
            case csv -> csv(result);
            case json -> json(result);
            default -> throw new IllegalArgumentException("unknown format " + format);
        }
    }

    private void table(QueryResult result) {
        if (result.columns().isEmpty()) {
            output.message("OK (the statement returned no rows)");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(result.columns());
        for (List<Object> row : result.rows()) {
            rows.add(row.stream()
                    .map(value -> value == null ? "NULL" : text(value))
                    .toList());
        }
        TextTable.render(rows).forEach(output::data);
        output.message("(" + result.rows().size() + (result.rows().size() == 1 ? " row)" : " rows)"));
    }

    private void csv(QueryResult result) {
        if (result.columns().isEmpty()) {
            return;
        }
        output.data(csvLine(new ArrayList<>(result.columns())));
        result.rows().forEach(row -> output.data(csvLine(row)));
    }

    private void json(QueryResult result) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < result.columns().size(); i++) {
                Object value = row.get(i);
                object.put(
                        result.columns().get(i),
                        value == null || value instanceof Number || value instanceof Boolean ? value : text(value));
            }
            objects.add(object);
        }
        try {
            output.data(json.writeValueAsString(objects));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the query result as JSON", e);
        }
    }

    private static String csvLine(List<?> values) {
        List<String> cells = new ArrayList<>(values.size());
        for (Object value : values) {
            String cell = value == null ? "" : text(value);
            cells.add(NEEDS_QUOTES.matcher(cell).find() ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return String.join(",", cells);
    }

    private static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }
}
