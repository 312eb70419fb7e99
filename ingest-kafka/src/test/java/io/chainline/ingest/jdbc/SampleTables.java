package io.chainline.ingest.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.chainline.core.contract.ColumnType;
import io.chainline.core.contract.DataCoColumn;

/**
 * The real DataCo sample rows ({@code dataco/dataco-sample.csv}, no quoted fields) sorted by Order Item Id, and
 * tables holding them under their snake_case names: bigint ids, numeric money, double coordinates, timestamp dates,
 * text, NULL for empty values.
 */
final class SampleTables {
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("M/d/yy H:mm", Locale.ROOT);

    private SampleTables() {}

    /** The 62 sample rows as header -> value, sorted by Order Item Id. */
    static List<Map<String, String>> rows() {
        try (InputStream in = SampleTables.class.getResourceAsStream("/dataco/dataco-sample.csv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> headers = List.of(reader.readLine().split(",", -1));
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < headers.size(); i++) {
                    row.put(headers.get(i), fields[i]);
                }
                rows.add(row);
            }
            rows.sort(Comparator.comparingLong(row -> Long.parseLong(row.get("Order Item Id"))));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the source must read back for a sample row: the file's values, dates with four-digit years. */
    static Map<String, String> expected(Map<String, String> row) {
        Map<String, String> expected = new LinkedHashMap<>(row);
        for (DataCoColumn date : List.of(DataCoColumn.ORDER_DATE, DataCoColumn.SHIPPING_DATE)) {
            expected.put(date.header(), row.get(date.header()).replaceFirst("^(\\d+/\\d+/)(\\d\\d) ", "$120$2 "));
        }
        return expected;
    }

    /**
     * Creates {@code table} with one column per DataCo header under its snake name.
     *
     * @param idType the SQL type of {@code order_item_id}
     * @param extraColumns more column definitions, e.g. {@code ", updated_at timestamp"}; may be empty
     */
    static void create(Connection connection, String table, String idType, String extraColumns) throws SQLException {
        String columns = DataCoColumn.inFileOrder().stream()
                .map(c -> c.snakeName() + " " + (c == DataCoColumn.ORDER_ITEM_ID ? idType : sqlType(c)))
                .collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (" + columns + extraColumns + ")");
            statement.execute("GRANT SELECT ON " + table + " TO reader");
        }
    }

    /** Inserts the rows into a table made by {@link #create}. */
    static void insert(Connection connection, String table, List<Map<String, String>> rows) throws SQLException {
        List<DataCoColumn> columns = DataCoColumn.inFileOrder();
        String sql = "INSERT INTO " + table + " ("
                + columns.stream().map(DataCoColumn::snakeName).collect(Collectors.joining(", ")) + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Map<String, String> row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    bind(insert, i + 1, columns.get(i), row.get(columns.get(i).header()));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement insert, int index, DataCoColumn column, String value)
            throws SQLException {
        if (value.isEmpty()) {
            insert.setNull(index, column.type() == ColumnType.STRING ? Types.VARCHAR : Types.OTHER);
            return;
        }
        switch (column.type()) {
            case INT -> insert.setLong(index, Long.parseLong(value));
            case DECIMAL -> insert.setBigDecimal(index, new BigDecimal(value));
            case DOUBLE -> insert.setDouble(index, Double.parseDouble(value));
            case TIMESTAMP -> insert.setObject(index, LocalDateTime.parse(value, FILE_DATE));
            default -> insert.setString(index, value);
        }
    }

    private static String sqlType(DataCoColumn column) {
        return switch (column.type()) {
            case INT -> "bigint";
            case DECIMAL -> "numeric";
            case DOUBLE -> "double precision";
            case TIMESTAMP -> "timestamp";
            case STRING -> "text";
        };
    }
}
