package io.chainline.ingest.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a result column's values become the strings a DataCo row holds, by JDBC type. Numbers are written plainly
 * (no exponent, no trailing zeros); date-times read as UTC (a {@code timestamp} without zone holds UTC values, as
 * the DataCo file does) and are written in the file's {@code M/d/yyyy H:mm} form when they fill a DateOrders column.
 */
enum ColumnKind {
    /** TINYINT, SMALLINT, INTEGER, BIGINT. */
    INTEGER,
    /** NUMERIC, DECIMAL. */
    DECIMAL,
    /** DOUBLE, FLOAT (a double in JDBC). */
    DOUBLE,
    /** REAL (a float). */
    REAL,
    /** DATE. */
    DATE,
    /** TIMESTAMP without time zone, read as UTC. */
    TIMESTAMP,
    /** TIMESTAMP WITH TIME ZONE. */
    TIMESTAMP_TZ,
    /** Anything else, read with {@link ResultSet#getString(int)}. */
    OTHER;

    /** The DataCo file's date-time form. */
    static final DateTimeFormatter DATE_ORDERS =
            DateTimeFormatter.ofPattern("M/d/uuuu H:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** The kind of a column of JDBC type {@code sqlType} whose database type name is {@code typeName}. */
    static ColumnKind of(int sqlType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> DECIMAL;
            case Types.DOUBLE, Types.FLOAT -> DOUBLE;
            case Types.REAL -> REAL;
            case Types.DATE -> DATE;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_TZ;
            // Some drivers (PostgreSQL's among them) report timestamptz as TIMESTAMP; its name tells them apart.
            case Types.TIMESTAMP -> name.contains("tz") || name.contains("with time zone") ? TIMESTAMP_TZ : TIMESTAMP;
            default -> OTHER;
        };
    }

    /** Whether the values are dates or date-times. */
    boolean temporal() {
        return this == DATE || this == TIMESTAMP || this == TIMESTAMP_TZ;
    }

    /**
     * The value of column {@code index} of the current row as the DataCo file would hold it; {@code ""} for NULL.
     *
     * @param dateOrders whether the value fills a DateOrders column, so that a date-time is written M/d/yyyy H:mm
     */
    String render(ResultSet row, int index, boolean dateOrders) throws SQLException {
        switch (this) {
            case INTEGER, DECIMAL -> {
                BigDecimal value = row.getBigDecimal(index);
                return value == null ? "" : plain(value);
            }
            case DOUBLE -> {
                double value = row.getDouble(index);
                return row.wasNull() ? "" : plain(Double.toString(value));
            }
            case REAL -> {
                float value = row.getFloat(index);
                return row.wasNull() ? "" : plain(Float.toString(value));
            }
            default -> {
                if (dateOrders && temporal()) {
                    Instant value = instant(row, index);
                    return value == null ? "" : DATE_ORDERS.format(value);
                }
                String value = row.getString(index);
                return value == null ? "" : value;
            }
        }
    }

    /** The date or date-time of column {@code index} as an instant in UTC, or null; only for temporal kinds. */
    Instant instant(ResultSet row, int index) throws SQLException {
        return switch (this) {
            case DATE -> {
                LocalDate value = row.getObject(index, LocalDate.class);
                yield value == null ? null : value.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            case TIMESTAMP -> {
                LocalDateTime value = row.getObject(index, LocalDateTime.class);
                yield value == null ? null : value.toInstant(ZoneOffset.UTC);
            }
            case TIMESTAMP_TZ -> {
                OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
                yield value == null ? null : value.toInstant();
            }
            default -> throw new IllegalStateException(this + " is not a date or date-time kind");
        };
    }

    /** A number without exponent and without trailing zeros: 327.75, 20755, 0.04. */
    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String plain(String floatingPoint) {
        try {
            return plain(new BigDecimal(floatingPoint));
        } catch (NumberFormatException e) {
            // NaN and Infinity have no decimal form; the database's own spelling is the original.
            return floatingPoint;
        }
    }
}
