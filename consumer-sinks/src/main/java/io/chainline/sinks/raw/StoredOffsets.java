package io.chainline.sinks.raw;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chainline.core.store.BlobInfo;

/**
 * Per partition and hour folder, the highest offset already in a raw file (published, or appended by this sink).
 * Within one (partition, hour) files follow each other in offset order and are published in that order, so every
 * record of that hour at or below the highest stored offset is stored. Records of one partition spread over
 * several hours (event time, out-of-order timestamps) may interleave across hours, so the bound is kept per hour:
 * a partition-wide one would skip records of an hour whose file was lost in a crash.
 */
final class StoredOffsets {
    private final Map<Integer, Map<Long, Long>> highest = new HashMap<>();

    /**
     * Starts tracking {@code partitions} from the raw files of {@code topicId} in {@code listing}; files of other
     * topic ids, other partitions and other objects are ignored.
     */
    void load(List<BlobInfo> listing, String topicId, Set<Integer> partitions) {
        for (int partition : partitions) {
            highest.computeIfAbsent(partition, p -> new HashMap<>());
        }
        for (BlobInfo blob : listing) {
            RawFileName.parse(blob.name())
                    .filter(name -> name.topicId().equals(topicId))
                    .filter(name -> partitions.contains(name.partition()))
                    .ifPresent(name -> advance(name.partition(), name.hour(), name.lastOffset()));
        }
    }

    /** Whether the partition is tracked (was loaded and not forgotten). */
    boolean tracks(int partition) {
        return highest.containsKey(partition);
    }

    /** Whether the record at {@code offset} of that partition and hour is stored already. */
    boolean covers(int partition, long hour, long offset) {
        Long stored = highest.get(partition).get(hour);
        return stored != null && offset <= stored;
    }

    /** Records that the partition's hour holds everything up to {@code offset}. */
    void advance(int partition, long hour, long offset) {
        highest.get(partition).merge(hour, offset, Math::max);
    }

    /** The highest stored offset of the partition over all hours, or -1. */
    long highest(int partition) {
        return highest.getOrDefault(partition, Map.of()).values().stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(-1);
    }

    /** Stops tracking these partitions. */
    void forget(Collection<Integer> partitions) {
        partitions.forEach(highest::remove);
    }

    /** Stops tracking every partition. */
    void clear() {
        highest.clear();
    }
}
