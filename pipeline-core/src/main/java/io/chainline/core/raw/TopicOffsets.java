package io.chainline.core.raw;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The offset ranges one run produced to (or consumed from) one topic incarnation: what reconciliation looks for in
 * the bronze table and the raw files, by Kafka coordinates.
 *
 * @param topic the topic name
 * @param topicId Kafka's UUID of the topic incarnation
 * @param ranges one range per partition written, sorted by partition
 */
public record TopicOffsets(String topic, String topicId, List<OffsetRange> ranges) {

    public TopicOffsets {
        requireNonNull(topic, "topic is null");
        requireNonNull(topicId, "topicId is null");
        ranges = List.copyOf(requireNonNull(ranges, "ranges is null"));
    }

    /** The records of all ranges. */
    public long records() {
        return ranges.stream().mapToLong(OffsetRange::records).sum();
    }

    /** The range of {@code partition}, if this run wrote to it. */
    public Optional<OffsetRange> range(int partition) {
        return ranges.stream().filter(range -> range.partition() == partition).findFirst();
    }

    /** Whether the message at these coordinates lies in one of the ranges. */
    public boolean contains(String messageTopicId, int partition, long offset) {
        return topicId.equals(messageTopicId)
                && range(partition).map(range -> range.contains(offset)).orElse(false);
    }
}
