package io.chainline.core.store;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The content of a {@link StoreLock} object, stored as JSON.
 *
 * @param owner who holds the lock (a run id)
 * @param token a random value identifying one acquisition, so an owner never releases a lock it lost
 * @param acquiredAt when the lock was taken
 * @param expiresAt when the lease ends and others may take the lock over
 */
record LockRecord(String owner, String token, Instant acquiredAt, Instant expiresAt) {
    LockRecord {
        requireNonNull(owner, "owner is null");
        requireNonNull(token, "token is null");
        requireNonNull(acquiredAt, "acquiredAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
