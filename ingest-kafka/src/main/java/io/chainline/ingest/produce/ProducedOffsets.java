package io.chainline.ingest.produce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.chainline.core.raw.OffsetRange;
import io.chainline.core.raw.TopicOffsets;

/**
 * Collects the offsets the producer acknowledged for the rows of one run, per partition, so that reconciliation can
 * look for exactly this run's rows downstream. One instance is the callback of every row sent; the producer calls it
 * from its I/O thread.
 */
final class ProducedOffsets implements Callback {
    private final Map<Integer, long[]> byPartition = new TreeMap<>();

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null || metadata == null || !metadata.hasOffset()) {
            return;
        }
        synchronized (byPartition) {
            long[] range = byPartition.computeIfAbsent(
                    metadata.partition(), partition -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
            range[0] = Math.min(range[0], metadata.offset());
            range[1] = Math.max(range[1], metadata.offset());
            range[2]++;
        }
    }

    /** The ranges acknowledged so far; call after the last commit, when every send has completed. */
    TopicOffsets snapshot(String topic, String topicId) {
        List<OffsetRange> ranges = new ArrayList<>();
        synchronized (byPartition) {
            byPartition.forEach(
                    (partition, range) -> ranges.add(new OffsetRange(partition, range[0], range[1], range[2])));
        }
        return new TopicOffsets(topic, topicId, ranges);
    }
}
