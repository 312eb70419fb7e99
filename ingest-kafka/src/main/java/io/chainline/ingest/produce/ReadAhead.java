package io.chainline.ingest.produce;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.chainline.core.error.ChainlineException;

/**
 * Runs a producer of items on its own thread, ahead of the consumer: {@code next} hands the items out in the order
 * they were produced. Items travel in chunks through a bounded queue, so the hand-off costs little per item and
 * memory stays bounded. A failure of the producer is rethrown by {@code next} once the items before it are handed
 * out. {@link #close} stops the thread and waits for it, whether or not every item was taken.
 *
 * @param <T> the item type
 */
final class ReadAhead<T> implements AutoCloseable {
    private static final long POLL_MILLIS = 100;

    private final Supplier<T> source;
    private final int chunkSize;
    private final BlockingQueue<Chunk<T>> queue;
    private final Thread thread;
    private volatile boolean stopped;
    private Chunk<T> current;
    private int index;

    private record Chunk<T>(List<T> items, boolean last, Throwable failure) {}

    private ReadAhead(String name, Supplier<T> source, int chunkSize, int chunks) {
        this.source = source;
        this.chunkSize = chunkSize;
        this.queue = new ArrayBlockingQueue<>(chunks);
        this.thread = new Thread(this::produce, name);
        this.thread.setDaemon(true);
    }

    /**
     * Starts a thread that calls {@code source} until it returns null.
     *
     * @param name the thread's name
     * @param source the items; null at the end
     * @param chunkSize items per hand-off
     * @param chunks chunks the queue holds; at most {@code (chunks + 2) * chunkSize} items are held at a time
     */
    static <T> ReadAhead<T> start(String name, Supplier<T> source, int chunkSize, int chunks) {
        ReadAhead<T> ahead = new ReadAhead<>(name, source, chunkSize, chunks);
        ahead.thread.start();
        return ahead;
    }

    /**
     * The next item, or null after the last one.
     *
     * @throws RuntimeException what the source threw, after the items it produced before
     */
    T next() {
        while (current == null || index == current.items().size()) {
            if (current != null && current.last()) {
                Throwable failure = current.failure();
                if (failure != null) {
                    current = new Chunk<>(List.of(), true, null);
                    index = 0;
                    rethrow(failure);
                }
                return null;
            }
            current = take();
            index = 0;
        }
        return current.items().get(index++);
    }

    /** Stops the producer and waits for its thread to end. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        if (thread.isAlive()) {
            thread.interrupt();
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void produce() {
        List<T> items = new ArrayList<>(chunkSize);
        try {
            T item;
            while (!stopped && (item = source.get()) != null) {
                items.add(item);
                if (items.size() == chunkSize) {
                    put(new Chunk<>(items, false, null));
                    items = new ArrayList<>(chunkSize);
                }
            }
            put(new Chunk<>(items, true, null));
        } catch (Throwable e) { // handed to the consumer thread, which rethrows it
            put(new Chunk<>(items, true, e));
        }
    }

    private void put(Chunk<T> chunk) {
        try {
            while (!stopped) {
                if (queue.offer(chunk, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // Only close() interrupts, and it no longer takes anything.
            Thread.currentThread().interrupt();
        }
    }

    private Chunk<T> take() {
        try {
            while (true) {
                Chunk<T> chunk = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (chunk != null) {
                    return chunk;
                }
                if (!thread.isAlive() && queue.isEmpty()) {
                    throw new IllegalStateException(
                            "The thread " + thread.getName() + " ended without handing over its last items");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException("Interrupted while waiting for the rows read by " + thread.getName(), e);
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }
}
