package io.chainline.sinks.spi;

import java.util.Collection;
import java.util.Map;

/**
 * A destination of the raw records: the PostgreSQL bronze table ({@code postgres}), the object store's raw files
 * ({@code raw}), or one an embedding project adds. Sinks are registered by a short type name with
 * {@code SinksModule.addSink(binder, "name")} and chosen by {@code chainline.sinks.enabled} (or
 * {@code consume --sinks}); a consume run gets new instances of the sinks it writes to and closes them when it ends.
 *
 * <p>Call order, from one consumer thread at a time: {@link #assigned} after each rebalance, then any number of
 * {@link #write}s, {@link #flush()} before offsets are committed and before partitions are {@link #revoked}, and
 * {@link #close()} at the end. The consumer commits, per partition, the smallest {@link #durableUpTo()} over all
 * sinks; after a crash it re-delivers everything after that, so a sink must store every record once however often
 * it is given (deduplicate by (topic id, partition, offset)). While no records arrive, the consumer hands every sink
 * an empty batch now and then, so that a sink can act on time alone (publish a file whose age is up). A
 * {@link #write} or {@link #flush()} that throws an {@link io.chainline.core.error.RetriableException} is called
 * again with the same batch after a backoff ({@code chainline.sinks.retry}), so a failed call must leave nothing
 * half done that a repeat would store twice.
 */
public interface RawSink extends AutoCloseable {

    /** The consumer now owns these partitions of the topic whose id is {@code topicId}. */
    void assigned(String topic, String topicId, Collection<Integer> partitions);

    /** Stores the batch, or buffers it until the next {@link #flush()}. */
    void write(RawBatch batch);

    /** Makes everything written so far durable. */
    void flush();

    /** The consumer no longer owns these partitions; everything of them was flushed before. */
    void revoked(Collection<Integer> partitions);

    /**
     * Per partition, the offset up to which (inclusive, in {@link RawBatch#consumedUpTo()} terms) everything is
     * durable in this sink.
     */
    Map<Integer, Long> durableUpTo();

    /** What this sink did so far. */
    SinkStats stats();

    /** Releases connections and files; buffered records that were not flushed are dropped (they will be re-delivered). */
    @Override
    void close();
}
