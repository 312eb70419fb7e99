package io.chainline.core.lifecycle;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * Owns the resources of one run (producers, consumers, connections, sessions, embedded services): factories
 * register what they create, the runner closes everything in reverse order when the run ends, and stages never
 * close what they were given. Close failures are collected, not lost: the first is thrown with the others
 * suppressed.
 */
public final class Lifecycle implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private boolean closed;

    /**
     * Registers a resource to close when the lifecycle ends, and returns it.
     *
     * @throws IllegalStateException when the lifecycle is already closed (the resource is closed right away)
     */
    public synchronized <T extends AutoCloseable> T manage(T resource) {
        requireNonNull(resource, "resource is null");
        if (closed) {
            closeQuietly(resource);
            throw new IllegalStateException("the lifecycle is closed; cannot manage " + resource);
        }
        resources.push(resource);
        return resource;
    }

    /** Closes every managed resource, newest first; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ChainlineException failure = null;
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new ChainlineException("Cannot close " + resource + ": " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log.warn("Cannot close {}: {}", resource, e.toString());
        }
    }
}
