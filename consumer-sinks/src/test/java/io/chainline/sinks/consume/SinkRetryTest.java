package io.chainline.sinks.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;
import io.chainline.sinks.RetrySettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class SinkRetryTest {
    private static final RetrySettings SETTINGS =
            new RetrySettings(Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(10));

    /** A clock that only moves when the retry sleeps, and the waits it was asked for. */
    private final List<Long> waits = new ArrayList<>();

    private long now;

    private SinkRetry retry(RetrySettings settings, double random) {
        return new SinkRetry(
                settings,
                () -> now,
                nanos -> {
                    waits.add(nanos);
                    now += nanos;
                },
                () -> random);
    }

    @Test
    void theWaitDoublesFromTheInitialBackoffAndIsCappedAtTheMaximum() {
        SinkRetry retry = retry(SETTINGS, 0.0);

        List<Long> millis = new ArrayList<>();
        for (int attempt = 1; attempt <= 8; attempt++) {
            millis.add(TimeUnit.NANOSECONDS.toMillis(retry.backoffNanos(attempt)));
        }

        assertThat(millis).containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 10_000L, 10_000L, 10_000L);
        assertThat(retry.backoffNanos(10_000)).isEqualTo(Duration.ofSeconds(10).toNanos());
    }

    @Test
    void theJitterTakesUpToHalfOfTheWaitAway() {
        assertThat(retry(SETTINGS, 0.5).backoffNanos(3))
                .isEqualTo(Duration.ofMillis(1_500).toNanos());
        assertThat(retry(SETTINGS, 0.999_999).backoffNanos(3))
                .isGreaterThan(Duration.ofMillis(1_000).toNanos())
                .isLessThan(Duration.ofMillis(1_001).toNanos());
        assertThat(retry(SETTINGS, 0.999_999).backoffNanos(20))
                .isGreaterThan(Duration.ofMillis(5_000).toNanos())
                .isLessThanOrEqualTo(Duration.ofSeconds(10).toNanos());
    }

    @Test
    void aRetriableFailureIsTriedAgainUntilItPasses() {
        SinkRetry retry = retry(SETTINGS, 0.0);
        AtomicInteger calls = new AtomicInteger();

        String result = retry.call("Writing 3 records to sink 'postgres'", () -> {
            if (calls.incrementAndGet() < 4) {
                throw new RetriableException("connection refused");
            }
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(calls).hasValue(4);
        assertThat(retry.retries()).isEqualTo(3);
        assertThat(waits)
                .containsExactly(
                        Duration.ofMillis(500).toNanos(),
                        Duration.ofSeconds(1).toNanos(),
                        Duration.ofSeconds(2).toNanos());
    }

    @Test
    void itGivesUpAfterMaxElapsedWithTheLastFailureAsTheCause() {
        SinkRetry retry = retry(SETTINGS, 0.0);
        AtomicInteger calls = new AtomicInteger();

        Throwable thrown = catchThrowable(() -> retry.run("Writing 3 records to sink 'postgres'", () -> {
            throw new RetriableException("connection refused #" + calls.incrementAndGet());
        }));

        // 0.5 + 1 + 2 + 4 + 8 = 15.5 s, then waits of 10 s up to 55.5 s, and the last one only up to 60 s.
        assertThat(calls).hasValue(11);
        assertThat(waits.stream().mapToLong(Long::longValue).sum())
                .isEqualTo(Duration.ofSeconds(60).toNanos());
        assertThat(waits)
                .allSatisfy(wait -> assertThat(wait)
                        .isLessThanOrEqualTo(Duration.ofSeconds(10).toNanos()));
        assertThat(thrown)
                .isInstanceOf(RetriableException.class)
                .hasMessage("Writing 3 records to sink 'postgres' failed 11 times in 60.0 s; gave up after"
                        + " 'chainline.sinks.retry.max-elapsed' (1m): connection refused #11");
        assertThat(thrown.getCause()).isInstanceOf(RetriableException.class).hasMessage("connection refused #11");
    }

    @Test
    void otherFailuresAreNotTriedAgain() {
        SinkRetry retry = retry(SETTINGS, 0.0);
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retry.run("Writing to sink 'postgres'", () -> {
                    calls.incrementAndGet();
                    throw new ChainlineException("the table has another shape");
                }))
                .hasMessage("the table has another shape");
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void withoutRetriesTheFirstFailureIsThrownAsItIs() {
        RetriableException failure = new RetriableException("connection refused");

        assertThatThrownBy(() -> retry(RetrySettings.none(), 0.0).run("Flushing sink 'raw'", () -> {
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(waits).isEmpty();
    }
}
