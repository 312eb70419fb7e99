package io.chainline.ingest.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.chainline.core.error.ChainlineException;

import static java.time.ZoneOffset.UTC;
import static java.util.Objects.requireNonNull;

/**
 * The cursor column of a result: where it is, and how its values become positions and back. A position is the
 * cursor value as text: the number for integer and numeric cursors, an ISO-8601 instant in UTC
 * ({@code 2018-01-31T22:56:00Z}) for date and timestamp cursors.
 *
 * @param name the column's label in the result
 * @param index the column's 1-based index in the result
 * @param kind the column's kind; integer, decimal or temporal
 */
record CursorColumn(String name, int index, ColumnKind kind) {

    CursorColumn {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        if (!supports(kind)) {
            throw new IllegalArgumentException(
                    "a cursor must be an integer, numeric, date or timestamp column, got " + kind);
        }
    }

    /** Whether values of the kind can order rows and be written back as a query parameter. */
    static boolean supports(ColumnKind kind) {
        return kind == ColumnKind.INTEGER || kind == ColumnKind.DECIMAL || kind.temporal();
    }

    /** The position of the current row: its cursor value as text; null when the value is NULL. */
    String position(ResultSet row) throws SQLException {
        return switch (kind) {
            case INTEGER -> {
                long value = row.getLong(index);
                yield row.wasNull() ? null : Long.toString(value);
            }
            case DECIMAL -> {
                BigDecimal value = row.getBigDecimal(index);
                yield value == null ? null : value.toPlainString();
            }
            default -> {
                Instant value = kind.instant(row, index);
                yield value == null ? null : value.toString();
            }
        };
    }

    /**
     * Binds {@code position} as parameter {@code parameter} with the cursor column's type, so that the comparison
     * can use an index on the column.
     *
     * @throws ChainlineException when the position is not a value of this cursor (the column's type changed since)
     */
    void bind(PreparedStatement statement, int parameter, String position) throws SQLException {
        requireNonNull(position, "position is null");
        try {
            switch (kind) {
                case INTEGER -> statement.setLong(parameter, Long.parseLong(position));
                case DECIMAL -> statement.setBigDecimal(parameter, new BigDecimal(position));
                case DATE -> statement.setObject(parameter, LocalDate.ofInstant(Instant.parse(position), UTC));
                case TIMESTAMP -> statement.setObject(parameter, LocalDateTime.ofInstant(Instant.parse(position), UTC));
                default -> statement.setObject(parameter, OffsetDateTime.ofInstant(Instant.parse(position), UTC));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new ChainlineException(
                    "Position '" + position + "' is not a value of cursor column '" + name
                            + "' (" + kind.name().toLowerCase(Locale.ROOT) + "): expected "
                            + (kind.temporal() ? "an ISO-8601 instant such as 2018-01-31T22:56:00Z" : "a number"),
                    e);
        }
    }
}
