package io.chainline.export.duckdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/** Runs one SQL statement on a {@link DuckDbWarehouse} and reads at most a given number of its rows. */
public final class WarehouseQuery {
    private static final String LOCKED_DOWN =
            " (queries read the warehouse's tables only: files, ATTACH, extensions," + " HTTP and settings are off)";

    private final DuckDbWarehouse warehouse;

    /** Queries on {@code warehouse}, which its owner closes. */
    public WarehouseQuery(DuckDbWarehouse warehouse) {
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
    }

    /**
     * Runs {@code sql}.
     *
     * @param maxRows the most rows to read; {@link QueryResult#truncated()} says whether there were more
     * @return the rows; no columns and no rows for a statement that returns none
     * @throws ChainlineException with DuckDB's description of the problem (syntax, unknown table or column, …)
     */
    public QueryResult run(String sql, int maxRows) {
        requireNonNull(sql, "sql is null");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
        }
        if (sql.isBlank()) {
            throw new ChainlineException(
                    "The query is empty: give a statement such as \"SELECT count(*) FROM" + " fact_order\"");
        }
        Connection connection = warehouse.connection();
        try (Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return new QueryResult(List.of(), List.of(), false);
            }
            try (ResultSet results = statement.getResultSet()) {
                return read(results, maxRows);
            }
        } catch (SQLException e) {
            throw new ChainlineException(
                    "The query failed on the local warehouse " + warehouse.file() + ": " + firstLine(e.getMessage())
                            + (refused(e.getMessage()) ? LOCKED_DOWN : ""),
                    e);
        }
    }

    /** DuckDB adds the statement and a caret on lines of their own; people need the first. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String trimmed = message.strip();
        int end = trimmed.indexOf('\n');
        return (end < 0 ? trimmed : trimmed.substring(0, end)).strip();
    }

    private static boolean refused(String message) {
        return message != null
                && (message.contains("disabled by configuration")
                        || message.contains("disabled through configuration")
                        || message.contains("the configuration has been locked"));
    }

    private static QueryResult read(ResultSet results, int maxRows) throws SQLException {
        ResultSetMetaData meta = results.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (results.next()) {
            if (rows.size() == maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(results.getObject(i));
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows, truncated);
    }
}
