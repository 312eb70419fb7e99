package io.chainline.core.raw;

/**
 * The records one run wrote to (or read from) one partition: offsets {@code first..last} inclusive, of which
 * {@code records} are data records (the rest of the range are transaction markers, or other writers' records).
 *
 * @param partition the partition
 * @param first the lowest offset
 * @param last the highest offset
 * @param records how many records of the range are this run's
 */
public record OffsetRange(int partition, long first, long last, long records) {

    public OffsetRange {
        if (partition < 0 || first < 0 || last < first || records < 1 || records > last - first + 1) {
            throw new IllegalArgumentException("Invalid offset range of partition " + partition + ": " + first + ".."
                    + last + " holding " + records + " records");
        }
    }

    /** Whether {@code offset} lies in this range. */
    public boolean contains(long offset) {
        return offset >= first && offset <= last;
    }
}
