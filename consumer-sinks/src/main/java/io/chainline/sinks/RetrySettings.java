package io.chainline.sinks;

import java.time.Duration;

import io.chainline.core.config.SettingsReader;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.sinks.retry}: how long a sink's write or flush that failed for a transient reason (a PostgreSQL
 * restart, an object store answering 503) is tried again before the run fails. The waits between attempts double
 * from {@code initialBackoff} up to {@code maxBackoff}, each shortened by a random part of up to half.
 *
 * @param maxElapsed how long after the first failure attempts go on; zero tries once
 * @param initialBackoff the wait after the first failure
 * @param maxBackoff the longest wait between two attempts
 */
public record RetrySettings(Duration maxElapsed, Duration initialBackoff, Duration maxBackoff) {
    /** The shortest backoff. */
    public static final Duration MIN_BACKOFF = Duration.ofMillis(1);

    /**
     * @throws IllegalArgumentException when a duration is negative, a backoff is shorter than {@link #MIN_BACKOFF}
     *     or {@code initialBackoff} is longer than {@code maxBackoff}
     */
    public RetrySettings {
        requireNonNull(maxElapsed, "maxElapsed is null");
        requireNonNull(initialBackoff, "initialBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        if (maxElapsed.isNegative()
                || initialBackoff.compareTo(MIN_BACKOFF) < 0
                || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("Retry needs max-elapsed >= 0 and 1ms <= initial-backoff <="
                    + " max-backoff, got " + maxElapsed + ", " + initialBackoff + ", " + maxBackoff);
        }
    }

    /** No retries: the first failure ends the run. */
    public static RetrySettings none() {
        return new RetrySettings(Duration.ZERO, MIN_BACKOFF, MIN_BACKOFF);
    }

    /** Reads {@code retry.*} with {@code read}, recording its problems there. */
    static RetrySettings from(SettingsReader read) {
        Duration maxElapsed = read.duration("retry.max-elapsed", Duration.ZERO);
        Duration initial = read.duration("retry.initial-backoff", MIN_BACKOFF);
        Duration max = read.duration("retry.max-backoff", MIN_BACKOFF);
        if (max.compareTo(initial) < 0) {
            read.problem(
                    "retry.max-backoff",
                    max.toString().substring(2).toLowerCase(java.util.Locale.ROOT),
                    "must be at least 'chainline.sinks.retry.initial-backoff'");
            max = initial;
        }
        return new RetrySettings(maxElapsed, initial, max);
    }
}
