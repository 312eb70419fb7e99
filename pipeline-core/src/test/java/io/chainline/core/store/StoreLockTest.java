package io.chainline.core.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;

import static io.chainline.core.store.BlobStoreContractTest.bytes;
import static io.chainline.core.store.BlobStoreContractTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreLockTest {
    private static final String LOCK = "silver/_lock";
    private static final Duration TTL = Duration.ofMinutes(30);

    @TempDir
    Path root;

    private BlobStore store;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

    @BeforeEach
    void openStore() {
        store = new LocalBlobStore(root);
    }

    @Test
    void acquireWritesTheLockRecord() throws Exception {
        try (StoreLock lock = StoreLock.acquire(store, LOCK, "20261125-1200-ab12", TTL, clock)) {
            assertThat(lock.owner()).isEqualTo("20261125-1200-ab12");
            assertThat(lock.expiresAt()).isEqualTo(Instant.parse("2026-11-25T12:30:00Z"));

            JsonNode record =
                    new ObjectMapper().readTree(store.read(LOCK).orElseThrow().content());
            assertThat(record.get("owner").asText()).isEqualTo("20261125-1200-ab12");
            assertThat(record.get("token").asText()).hasSize(36);
            assertThat(record.get("acquiredAt").asText()).isEqualTo("2026-11-25T12:00:00Z");
            assertThat(record.get("expiresAt").asText()).isEqualTo("2026-11-25T12:30:00Z");
        }
    }

    @Test
    void aSecondAcquireFailsNamingTheHolderAndExpiry() {
        try (StoreLock first = StoreLock.acquire(store, LOCK, "20261125-1200-ab12", TTL, clock)) {
            clock.advance(Duration.ofMinutes(10));

            assertThatThrownBy(() -> StoreLock.acquire(store, LOCK, "20261125-1210-cd34", TTL, clock))
                    .isInstanceOf(LockHeldException.class)
                    .hasMessageStartingWith("The store lock 'silver/_lock' is held by run 20261125-1200-ab12 "
                            + "until 2026-11-25T12:30:00Z")
                    .hasMessageContaining(store.uriOf(LOCK).toString())
                    .satisfies(e -> {
                        LockHeldException held = (LockHeldException) e;
                        assertThat(held.holder()).isEqualTo("20261125-1200-ab12");
                        assertThat(held.expiresAt()).isEqualTo(first.expiresAt());
                    });
        }
    }

    @Test
    void releaseLetsTheNextRunAcquire() {
        StoreLock first = StoreLock.acquire(store, LOCK, "run-1", TTL, clock);
        first.close();

        assertThat(store.stat(LOCK)).isEmpty();
        try (StoreLock second = StoreLock.acquire(store, LOCK, "run-2", TTL, clock)) {
            assertThat(second.owner()).isEqualTo("run-2");
        }
        assertThat(store.stat(LOCK)).isEmpty();
    }

    @Test
    void anExpiredLockIsTakenOver() {
        StoreLock stale = StoreLock.acquire(store, LOCK, "crashed-run", TTL, clock);
        clock.advance(TTL);

        try (StoreLock fresh = StoreLock.acquire(store, LOCK, "next-run", TTL, clock)) {
            assertThat(fresh.expiresAt()).isEqualTo(Instant.parse("2026-11-25T13:00:00Z"));
            assertThat(text(store.read(LOCK).orElseThrow().content())).contains("\"owner\":\"next-run\"");

            stale.close();

            assertThat(text(store.read(LOCK).orElseThrow().content())).contains("\"owner\":\"next-run\"");
        }
        assertThat(store.stat(LOCK)).isEmpty();
    }

    @Test
    void closingTwiceReleasesOnce() {
        StoreLock lock = StoreLock.acquire(store, LOCK, "run-1", TTL, clock);
        lock.close();
        try (StoreLock other = StoreLock.acquire(store, LOCK, "run-2", TTL, clock)) {
            lock.close();

            assertThat(other.owner()).isEqualTo("run-2");
            assertThat(text(store.read(LOCK).orElseThrow().content())).contains("\"owner\":\"run-2\"");
        }
    }

    @Test
    void renewExtendsTheLeaseWhileStillHeld() {
        try (StoreLock lock = StoreLock.acquire(store, LOCK, "run-1", TTL, clock)) {
            clock.advance(Duration.ofMinutes(20));
            lock.renew(TTL);

            assertThat(lock.expiresAt()).isEqualTo(Instant.parse("2026-11-25T12:50:00Z"));
            clock.advance(Duration.ofMinutes(15));
            assertThatThrownBy(() -> StoreLock.acquire(store, LOCK, "run-2", TTL, clock))
                    .isInstanceOf(LockHeldException.class)
                    .hasMessageContaining("until 2026-11-25T12:50:00Z");
        }
    }

    @Test
    void renewAfterATakeOverFailsNamingTheNewHolder() {
        try (StoreLock lock = StoreLock.acquire(store, LOCK, "slow-run", TTL, clock)) {
            clock.advance(TTL.plusMinutes(1));
            try (StoreLock newer = StoreLock.acquire(store, LOCK, "next-run", TTL, clock)) {
                assertThat(newer.owner()).isEqualTo("next-run");
                assertThatThrownBy(() -> lock.renew(TTL))
                        .isInstanceOf(LockHeldException.class)
                        .hasMessageContaining("held by run next-run");
            }
        }
    }

    @Test
    void aCorruptLockIsReportedNotOverwritten() {
        store.write(LOCK, bytes("not json"), WriteCondition.always());

        assertThatThrownBy(() -> StoreLock.acquire(store, LOCK, "run-1", TTL, clock))
                .isInstanceOf(ChainlineException.class)
                .hasMessageContaining(store.uriOf(LOCK) + " is not a valid lock record");
        assertThat(text(store.read(LOCK).orElseThrow().content())).isEqualTo("not json");
    }

    @Test
    void rejectsANonPositiveTtlAndInvalidNames() {
        assertThatThrownBy(() -> StoreLock.acquire(store, LOCK, "run", Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid lock ttl PT0S for 'silver/_lock': must be positive");
        assertThatThrownBy(() -> StoreLock.acquire(store, "../lock", "run", TTL, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock tests move by hand. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration step) {
            now = now.plus(step);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a fixed test clock has one zone");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
