package io.chainline.export.duckdb;

import java.util.Locale;
import java.util.stream.Collectors;

import io.chainline.core.error.DataQualityException;
import io.chainline.core.manifest.ManifestColumn;
import io.chainline.core.manifest.ManifestTable;

/**
 * A DuckDB query of no rows with the columns of a table the pointer lists without files (a build of an input with no
 * data rows), so the warehouse gets the table, empty, with the right types.
 */
final class EmptyTableSource {

    private EmptyTableSource() {}

    /** {@code (SELECT CAST(NULL AS BIGINT) AS "order_item_id", … WHERE false)} for {@code table}'s columns. */
    static String of(ManifestTable table) {
        if (table.columns().isEmpty()) {
            throw new DataQualityException("Table " + table.name() + " lists neither files nor columns in the silver"
                    + " pointer: nothing to load into the local warehouse");
        }
        return table.columns().stream()
                .map(column -> "CAST(NULL AS " + duckDbType(table, column) + ") AS "
                        + DuckDbExporter.identifier(column.name()))
                .collect(Collectors.joining(", ", "(SELECT ", " WHERE false)"));
    }

    /** The DuckDB type of a column given by its Spark type name ({@code bigint}, {@code decimal(38,9)} …). */
    static String duckDbType(ManifestTable table, ManifestColumn column) {
        String type = column.type().toLowerCase(Locale.ROOT).strip();
        if (type.matches("decimal\\(\\d+,\\d+\\)")) {
            return type.toUpperCase(Locale.ROOT);
        }
        return switch (type) {
            case "bigint", "long" -> "BIGINT";
            case "int", "integer" -> "INTEGER";
            case "smallint" -> "SMALLINT";
            case "tinyint" -> "TINYINT";
            case "string" -> "VARCHAR";
            case "double" -> "DOUBLE";
            case "float" -> "FLOAT";
            case "boolean" -> "BOOLEAN";
            case "date" -> "DATE";
            case "timestamp" -> "TIMESTAMPTZ";
            case "timestamp_ntz" -> "TIMESTAMP";
            case "binary" -> "BLOB";
            default ->
                throw new DataQualityException("Column " + column.name() + " of table " + table.name() + " has type '"
                        + column.type() + "', which the local warehouse cannot create empty");
        };
    }
}
