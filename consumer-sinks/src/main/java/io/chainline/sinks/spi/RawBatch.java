package io.chainline.sinks.spi;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A batch of consumed records handed to every sink. Besides the records it says how far each partition was
 * consumed, including records no sink sees (poison messages sent to the dead-letter topic), so that a sink can
 * report what is durable in the consumer's terms.
 *
 * @param records the records, in offset order within each partition
 * @param consumedUpTo per partition, the offset of the last record consumed in this batch
 */
public record RawBatch(List<RawRecord> records, Map<Integer, Long> consumedUpTo) {

    public RawBatch {
        records = List.copyOf(requireNonNull(records, "records is null"));
        consumedUpTo = Map.copyOf(requireNonNull(consumedUpTo, "consumedUpTo is null"));
    }
}
