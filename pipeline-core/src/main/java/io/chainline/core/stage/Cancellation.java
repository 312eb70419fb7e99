package io.chainline.core.stage;

import java.util.concurrent.atomic.AtomicReference;

import io.chainline.core.error.ChainlineException;

/**
 * A cancellation flag shared by the stages of one run. The runner sets it on SIGTERM or when a parallel sibling
 * fails; stages check it at safe points (between batches) and stop cleanly.
 */
public final class Cancellation {
    private final AtomicReference<String> reason = new AtomicReference<>();
    private final Cancellation parent;

    /** A flag of its own, for a whole run. */
    public Cancellation() {
        this(null);
    }

    private Cancellation(Cancellation parent) {
        this.parent = parent;
    }

    /**
     * A flag for part of a run, such as the stages of a parallel group: cancelled when this one is, and cancellable
     * on its own without cancelling this one.
     */
    public Cancellation child() {
        return new Cancellation(this);
    }

    /** Asks every stage of the run to stop; the first reason given is kept. */
    public void cancel(String why) {
        reason.compareAndSet(null, why == null ? "cancelled" : why);
    }

    /** Whether the run was asked to stop. */
    public boolean isCancelled() {
        return reason() != null;
    }

    /** Why the run was asked to stop, or null when it was not. */
    public String reason() {
        String own = reason.get();
        return own != null || parent == null ? own : parent.reason();
    }

    /** Throws a {@link ChainlineException} naming the reason when the run was asked to stop. */
    public void throwIfCancelled() {
        String why = reason();
        if (why != null) {
            throw new ChainlineException("Run cancelled: " + why);
        }
    }
}
