package io.chainline.core.store;

import java.net.URI;
import java.time.Instant;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/** A {@link StoreLock} could not be taken because another owner holds it and it has not expired. */
public class LockHeldException extends ChainlineException {
    private static final long serialVersionUID = 1L;

    private final String holder;
    private final Instant expiresAt;

    /**
     * Describes who holds the lock and until when.
     *
     * @param lockName the lock's object name
     * @param lockUri where the lock lives, so an operator can remove it
     * @param holder the owner recorded in the lock
     * @param expiresAt when the holder's lease ends
     */
    public LockHeldException(String lockName, URI lockUri, String holder, Instant expiresAt) {
        super("The store lock '" + lockName + "' is held by run " + holder + " until " + expiresAt + " (" + lockUri
                + "); wait for that run to finish or, if it is dead, delete the lock or let it expire");
        this.holder = requireNonNull(holder, "holder is null");
        this.expiresAt = requireNonNull(expiresAt, "expiresAt is null");
    }

    /** The owner that holds the lock. */
    public String holder() {
        return holder;
    }

    /** When the holder's lease ends. */
    public Instant expiresAt() {
        return expiresAt;
    }
}
