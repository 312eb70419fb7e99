package io.chainline.ingest.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.error.ConfigException;
import io.chainline.core.error.DataQualityException;

import static java.util.Objects.requireNonNull;

/**
 * Which result column fills each of the 53 DataCo headers, and which one is the cursor. A header is filled by the
 * column {@code column-mapping} names for it, else by the column named like the header, else by the column named
 * like its snake_case name; names match ignoring case, an exact match first. Other result columns are ignored.
 *
 * @param bindings one per DataCo header, in {@link DataCoColumn} order
 * @param cursor the cursor column
 */
record ColumnLayout(List<Binding> bindings, CursorColumn cursor) {

    /** A DataCo header and the result column that fills it. */
    record Binding(DataCoColumn header, int index, ColumnKind kind) {
        Binding {
            requireNonNull(header, "header is null");
            requireNonNull(kind, "kind is null");
        }
    }

    ColumnLayout {
        bindings = List.copyOf(requireNonNull(bindings, "bindings is null"));
        requireNonNull(cursor, "cursor is null");
    }

    /**
     * Resolves the layout of a result.
     *
     * @param subject what the result comes from, for messages
     * @throws DataQualityException listing every header that no column fills
     * @throws ConfigException when the cursor column is missing or not of an orderable type
     */
    static ColumnLayout resolve(ResultSetMetaData meta, JdbcSourceSettings settings, String subject)
            throws SQLException {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            labels.add(meta.getColumnLabel(i));
        }
        List<Binding> bindings = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (DataCoColumn header : DataCoColumn.inFileOrder()) {
            String mapped = settings.columnMapping().get(header.header());
            int index = mapped != null ? indexOf(labels, mapped) : indexOf(labels, header.header());
            if (mapped == null && index == 0) {
                index = indexOf(labels, header.snakeName());
            }
            if (index == 0) {
                missing.add(
                        mapped != null
                                ? header.header() + " (mapped to '" + mapped + "')"
                                : header.header() + " (or " + header.snakeName() + ")");
            } else {
                bindings.add(new Binding(header, index, kindOf(meta, index)));
            }
        }
        if (!missing.isEmpty()) {
            throw new DataQualityException(subject + " lacks columns for " + missing.size() + " DataCo header(s) "
                    + missing + "; its columns are " + labels + "; map differently named columns in '"
                    + JdbcSourceSettings.PREFIX + ".column-mapping'");
        }
        return new ColumnLayout(bindings, cursor(meta, labels, settings.cursorColumn(), subject));
    }

    /** The current row as DataCo header -> original string, in {@link DataCoColumn} order. */
    Map<String, String> values(ResultSet row) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Binding binding : bindings) {
            DataCoColumn header = binding.header();
            boolean dateOrders = header == DataCoColumn.ORDER_DATE || header == DataCoColumn.SHIPPING_DATE;
            values.put(header.header(), binding.kind().render(row, binding.index(), dateOrders));
        }
        return values;
    }

    /** The last part of a possibly qualified identifier: the column name of {@code orders.order_item_id}. */
    static String unqualified(String identifier) {
        return identifier.substring(identifier.lastIndexOf('.') + 1);
    }

    private static CursorColumn cursor(ResultSetMetaData meta, List<String> labels, String configured, String subject)
            throws SQLException {
        String name = unqualified(configured);
        String key = JdbcSourceSettings.PREFIX + ".cursor-column";
        int index = indexOf(labels, name);
        if (index == 0) {
            throw new ConfigException("Invalid value '" + configured + "' for '" + key + "': " + subject
                    + " has no such column; its columns are " + labels);
        }
        ColumnKind kind = kindOf(meta, index);
        if (!CursorColumn.supports(kind)) {
            throw new ConfigException("Invalid value '" + configured + "' for '" + key + "': must name an integer,"
                    + " numeric, date or timestamp column of " + subject + ", but its type is "
                    + meta.getColumnTypeName(index));
        }
        return new CursorColumn(labels.get(index - 1), index, kind);
    }

    private static ColumnKind kindOf(ResultSetMetaData meta, int index) throws SQLException {
        return ColumnKind.of(meta.getColumnType(index), meta.getColumnTypeName(index));
    }

    /** The 1-based index of the column named {@code name}, exactly or else ignoring case; 0 when there is none. */
    private static int indexOf(List<String> labels, String name) {
        int index = labels.indexOf(name);
        if (index < 0) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (int i = 0; i < labels.size() && index < 0; i++) {
                if (labels.get(i).toLowerCase(Locale.ROOT).equals(lower)) {
                    index = i;
                }
            }
        }
        return index + 1;
    }
}
