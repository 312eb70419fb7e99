package io.chainline.core.store;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * A lease-style lock kept as one object in a {@link BlobStore}, so that runs on different machines sharing the
 * store exclude each other. The object holds JSON {@code {owner, token, acquiredAt, expiresAt}}; it is created
 * absent-only, and an expired lock is taken over with a generation check, so of several contenders exactly one
 * wins. {@link #close()} removes the lock only while it is still this acquisition's. Not thread-safe.
 */
public final class StoreLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreLock.class);
    private static final int ATTEMPTS = 3;

    private final BlobStore store;
    private final String name;
    private final String owner;
    private final String token;
    private final Instant acquiredAt;
    private final Clock clock;
    private final ObjectMapper json;
    private Instant expiresAt;
    private boolean closed;

    private StoreLock(BlobStore store, String name, LockRecord record, Clock clock, ObjectMapper json) {
        this.store = store;
        this.name = name;
        this.owner = record.owner();
        this.token = record.token();
        this.acquiredAt = record.acquiredAt();
        this.expiresAt = record.expiresAt();
        this.clock = clock;
        this.json = json;
    }

    /**
     * Takes the lock {@code name} in {@code store} for {@code owner} until now + {@code ttl}.
     *
     * @throws LockHeldException naming the holder and its expiry if another owner holds an unexpired lock
     */
    public static StoreLock acquire(BlobStore store, String name, String owner, Duration ttl, Clock clock) {
        requireNonNull(store, "store is null");
        BlobNames.validate(name);
        requireNonNull(owner, "owner is null");
        requireNonNull(ttl, "ttl is null");
        requireNonNull(clock, "clock is null");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("Invalid lock ttl " + ttl + " for '" + name + "': must be positive");
        }
        ObjectMapper json = mapper();
        Optional<LockRecord> lastSeen = Optional.empty();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            LockRecord mine = new LockRecord(owner, UUID.randomUUID().toString(), now, now.plus(ttl));
            byte[] content = serialize(json, mine, store, name);
            if (store.write(name, content, WriteCondition.ifAbsent())) {
                log.debug("Acquired store lock {} for {} until {}", store.uriOf(name), owner, mine.expiresAt());
                return new StoreLock(store, name, mine, clock, json);
            }
            Optional<StoredBlob> existing = store.read(name);
            if (existing.isEmpty()) {
                continue;
            }
            LockRecord theirs = parse(json, existing.get(), store, name);
            lastSeen = Optional.of(theirs);
            if (!theirs.expiredAt(now)) {
                throw held(store, name, theirs);
            }
            if (store.write(
                    name,
                    content,
                    WriteCondition.ifGeneration(existing.get().info().generation()))) {
                log.warn(
                        "Took over the store lock {} from {}, whose lease expired at {}",
                        store.uriOf(name),
                        theirs.owner(),
                        theirs.expiresAt());
                return new StoreLock(store, name, mine, clock, json);
            }
        }
        if (lastSeen.isPresent()) {
            throw held(store, name, lastSeen.get());
        }
        throw new ChainlineException("Could not acquire the store lock " + store.uriOf(name) + " after " + ATTEMPTS
                + " attempts: it kept changing");
    }

    /** The owner this lock was acquired for. */
    public String owner() {
        return owner;
    }

    /** When this acquisition's lease ends, unless renewed. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Extends the lease to now + {@code ttl} if the lock is still this acquisition's.
     *
     * @throws LockHeldException if another owner has taken the lock over
     * @throws ChainlineException if the lock is gone or was released
     */
    public void renew(Duration ttl) {
        requireNonNull(ttl, "ttl is null");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("Invalid lock ttl " + ttl + " for '" + name + "': must be positive");
        }
        if (closed) {
            throw new ChainlineException("Cannot renew the store lock " + store.uriOf(name) + ": it was released");
        }
        StoredBlob current = store.read(name)
                .orElseThrow(() -> new ChainlineException(
                        "Cannot renew the store lock " + store.uriOf(name) + ": it no longer exists"));
        LockRecord record = parse(json, current, store, name);
        if (!record.token().equals(token)) {
            throw held(store, name, record);
        }
        LockRecord renewed =
                new LockRecord(owner, token, acquiredAt, clock.instant().plus(ttl));
        if (!store.write(
                name,
                serialize(json, renewed, store, name),
                WriteCondition.ifGeneration(current.info().generation()))) {
            throw new ChainlineException(
                    "Cannot renew the store lock " + store.uriOf(name) + ": it changed while renewing");
        }
        expiresAt = renewed.expiresAt();
    }

    /** Releases the lock if it is still this acquisition's; a lock taken over by another owner is left alone. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Optional<StoredBlob> current = store.read(name);
        if (current.isEmpty()) {
            log.warn("The store lock {} was already gone when {} released it", store.uriOf(name), owner);
            return;
        }
        LockRecord record = parse(json, current.get(), store, name);
        if (!record.token().equals(token)) {
            log.warn(
                    "Not releasing the store lock {}: it was taken over by {} (our lease expired at {})",
                    store.uriOf(name),
                    record.owner(),
                    expiresAt);
            return;
        }
        if (!store.delete(name, current.get().info().generation())) {
            log.warn("Not releasing the store lock {}: it changed while releasing", store.uriOf(name));
        }
    }

    @Override
    public String toString() {
        return "StoreLock[" + store.uriOf(name) + ", owner=" + owner + ", expiresAt=" + expiresAt + "]";
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private static byte[] serialize(ObjectMapper json, LockRecord record, BlobStore store, String name) {
        try {
            return json.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new ChainlineException("Cannot encode the store lock " + store.uriOf(name) + ": " + e, e);
        }
    }

    private static LockRecord parse(ObjectMapper json, StoredBlob blob, BlobStore store, String name) {
        try {
            return json.readValue(blob.content(), LockRecord.class);
        } catch (IOException | RuntimeException e) {
            throw new ChainlineException(
                    "The store lock " + store.uriOf(name) + " is not a valid lock record (" + e.getMessage()
                            + "); delete it if no run is active",
                    e);
        }
    }

    private static LockHeldException held(BlobStore store, String name, LockRecord record) {
        return new LockHeldException(name, store.uriOf(name), record.owner(), record.expiresAt());
    }
}
