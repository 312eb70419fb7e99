package io.chainline.core.contract;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The type a DataCo source column parses to. Every source value arrives as a string; the type decides which rule
 * of {@link DataCoValueParser} applies and which Java type the parsed value has.
 */
public enum ColumnType {
    /** Trimmed text; parses to {@link String}. */
    STRING(String.class),
    /** A whole number within the {@code int} range; parses to {@link Integer}. */
    INT(Integer.class),
    /** An exact decimal written with {@code '.'}; parses to {@link BigDecimal}. */
    DECIMAL(BigDecimal.class),
    /** A decimal kept as a binary floating-point number (coordinates); parses to {@link Double}. */
    DOUBLE(Double.class),
    /** A source date-time {@code M/d/yyyy H:mm} or {@code M/d/yy H:mm} in UTC; parses to {@link Instant}. */
    TIMESTAMP(Instant.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The Java type a non-empty value of this column type parses to. */
    public Class<?> javaType() {
        return javaType;
    }
}
