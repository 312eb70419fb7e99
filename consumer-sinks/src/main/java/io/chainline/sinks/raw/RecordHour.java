package io.chainline.sinks.raw;

import java.time.Instant;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.contract.DataCoValueParser;
import io.chainline.core.contract.ValueParseException;
import io.chainline.sinks.spi.RawRecord;

import static java.util.Objects.requireNonNull;

/** Picks the hour folder of a record: of its Kafka timestamp, or of its order date with the Kafka time as fallback. */
final class RecordHour {
    private static final long MILLIS_PER_HOUR = 3_600_000L;
    private static final String ORDER_DATE = DataCoColumn.ORDER_DATE.header();

    private final RawSinkSettings.PartitionBy partitionBy;
    private final DataCoValueParser parser = new DataCoValueParser();

    RecordHour(RawSinkSettings.PartitionBy partitionBy) {
        this.partitionBy = requireNonNull(partitionBy, "partitionBy is null");
    }

    /** The record's hour, in hours since the epoch (UTC). */
    long of(RawRecord record) {
        if (partitionBy == RawSinkSettings.PartitionBy.EVENT_TIME) {
            Instant orderDate = orderDate(record.data().get(ORDER_DATE));
            if (orderDate != null) {
                return Math.floorDiv(orderDate.toEpochMilli(), MILLIS_PER_HOUR);
            }
        }
        return Math.floorDiv(record.coordinates().timestampMillis(), MILLIS_PER_HOUR);
    }

    private Instant orderDate(String raw) {
        try {
            return parser.parseTimestamp(DataCoColumn.ORDER_DATE, raw);
        } catch (ValueParseException e) {
            // The raw files keep every record; an unreadable order date only moves it to its Kafka hour.
            return null;
        }
    }
}
