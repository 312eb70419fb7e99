package io.chainline.sinks.consume;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import io.chainline.core.error.ChainlineException;
import io.chainline.sinks.spi.RawBatch;
import io.chainline.sinks.spi.RawSink;

/**
 * Hands each batch to every sink at the same time, so that the slower sink alone sets the pace, and answers how far
 * every partition is durable in all of them. A sink's write or flush that fails for a transient reason is tried
 * again by {@link SinkRetry}, for that sink alone.
 */
final class SinkFanOut {
    private final List<String> names;
    private final List<RawSink> sinks;
    private final ExecutorService executor;
    private final SinkRetry retry;

    /** @param sinks type name → sink, in the order they are reported */
    SinkFanOut(Map<String, RawSink> sinks, ExecutorService executor, SinkRetry retry) {
        this.names = List.copyOf(sinks.keySet());
        this.sinks = List.copyOf(sinks.values());
        this.executor = executor;
        this.retry = retry;
    }

    /** The sinks' type names, in the order of {@link #sinks()}. */
    List<String> names() {
        return names;
    }

    List<RawSink> sinks() {
        return sinks;
    }

    void assigned(String topic, String topicId, Collection<Integer> partitions) {
        sinks.forEach(sink -> sink.assigned(topic, topicId, partitions));
    }

    void write(RawBatch batch) {
        each("Writing " + batch.records().size() + " records to sink '%s'", sink -> sink.write(batch));
    }

    void flush() {
        each("Flushing sink '%s'", RawSink::flush);
    }

    /** Attempts of a sink that failed for a transient reason and were tried again. */
    long retries() {
        return retry.retries();
    }

    void revoked(Collection<Integer> partitions) {
        sinks.forEach(sink -> sink.revoked(partitions));
    }

    /** Per partition, the smallest durable offset over all sinks; partitions some sink does not know are left out. */
    Map<Integer, Long> durableUpTo() {
        Map<Integer, Long> result = null;
        for (RawSink sink : sinks) {
            Map<Integer, Long> durable = sink.durableUpTo();
            if (result == null) {
                result = new HashMap<>(durable);
            } else {
                result.keySet().retainAll(durable.keySet());
                result.replaceAll((partition, offset) -> Math.min(offset, durable.get(partition)));
            }
        }
        return result == null ? Map.of() : result;
    }

    /** @param what the action for messages, {@code %s} standing for the sink's name */
    private void each(String what, Consumer<RawSink> action) {
        if (sinks.size() == 1) {
            retry.run(String.format(Locale.ROOT, what, names.get(0)), () -> action.accept(sinks.get(0)));
            return;
        }
        List<Future<?>> running = new ArrayList<>(sinks.size());
        for (int i = 0; i < sinks.size(); i++) {
            RawSink sink = sinks.get(i);
            String described = String.format(Locale.ROOT, what, names.get(i));
            running.add(executor.submit(() -> retry.run(described, () -> action.accept(sink))));
        }
        RuntimeException failure = null;
        for (int i = 0; i < running.size(); i++) {
            try {
                running.get(i).get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime
                        ? runtime
                        : new ChainlineException("Sink '" + names.get(i) + "' failed: " + e.getCause(), e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChainlineException("Interrupted while sinks were writing", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
