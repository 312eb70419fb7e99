package io.chainline.sinks.consume;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.chainline.sinks.spi.RawBatch;
import io.chainline.sinks.spi.RawSink;
import io.chainline.sinks.spi.SinkStats;

/**
 * A test sink that stores nothing and, at its n-th batch, prints {@code PAUSED} and blocks for good, so that a kill
 * test can stop the consumer while the other sinks have written a batch whose offsets are not committed.
 */
final class PauseSink implements RawSink {
    private final long pauseAtBatch;
    private final Map<Integer, Long> durable = new HashMap<>();
    private long batches;

    PauseSink(long pauseAtBatch) {
        this.pauseAtBatch = pauseAtBatch;
    }

    @Override
    public void assigned(String topic, String topicId, Collection<Integer> partitions) {}

    @Override
    public void write(RawBatch batch) {
        if (++batches == pauseAtBatch) {
            System.out.println("PAUSED " + batches);
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        batch.consumedUpTo().forEach((partition, offset) -> durable.merge(partition, offset, Math::max));
    }

    @Override
    public void flush() {}

    @Override
    public void revoked(Collection<Integer> partitions) {
        partitions.forEach(durable::remove);
    }

    @Override
    public Map<Integer, Long> durableUpTo() {
        return Map.copyOf(durable);
    }

    @Override
    public SinkStats stats() {
        return new SinkStats(0, 0, 0, 0, 0);
    }

    @Override
    public void close() {}
}
