package io.chainline.export.mage.client;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

import io.chainline.core.error.DataQualityException;

/**
 * Mage's datetimes, which are not strict ISO-8601: Python's {@code str(datetime)} with a space separator
 * ({@code 2023-04-01 00:36:23.507282+00:00}), the same without offset or fraction on SQLite
 * ({@code 2024-05-27 03:27:17}), and {@code isoformat()} with a {@code T} separator from the block-run lists. Values
 * without an offset are UTC.
 */
public final class MageTimestamps {
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalEnd()
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter();

    private MageTimestamps() {}

    /**
     * Parses one of Mage's datetimes.
     *
     * @param text the value; null or blank gives an empty result
     * @throws DataQualityException naming the value when it is in none of Mage's forms
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            TemporalAccessor parsed = FORMAT.parse(trimmed);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Optional.of(OffsetDateTime.from(parsed).toInstant());
            }
            return Optional.of(LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new DataQualityException(
                    "Invalid Mage datetime '" + trimmed + "': expected a form such as "
                            + "'2023-04-01 00:36:23.507282+00:00', '2024-05-27 03:27:17' or '2024-05-27T03:27:17.123456'",
                    e);
        }
    }
}
