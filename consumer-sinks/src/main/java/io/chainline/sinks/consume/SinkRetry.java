package io.chainline.sinks.consume;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;
import io.chainline.sinks.RetrySettings;

import static java.util.Objects.requireNonNull;

/**
 * Tries an action again after a {@link RetriableException}, with capped, jittered exponential backoff, until
 * {@link RetrySettings#maxElapsed()} has passed since the first attempt; then it gives up with the last failure as
 * the cause. Other exceptions end the attempts at once. Safe for several threads (the sinks run side by side); the
 * actions must be safe to repeat, which the sinks are: a failed write leaves nothing behind and a repeated record
 * is skipped by its (topic id, partition, offset).
 */
final class SinkRetry {
    private static final Logger log = LoggerFactory.getLogger(SinkRetry.class);

    /** Waits between attempts; {@link Thread#sleep} outside tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final RetrySettings settings;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final AtomicLong retries = new AtomicLong();

    SinkRetry(RetrySettings settings) {
        this(
                settings,
                System::nanoTime,
                TimeUnit.NANOSECONDS::sleep,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param nanoTime a monotonic clock in nanoseconds
     * @param random numbers in [0, 1) for the jitter
     */
    SinkRetry(RetrySettings settings, LongSupplier nanoTime, Sleeper sleeper, DoubleSupplier random) {
        this.settings = requireNonNull(settings, "settings is null");
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.sleeper = requireNonNull(sleeper, "sleeper is null");
        this.random = requireNonNull(random, "random is null");
    }

    /** Runs {@code action}, again after each retriable failure while time is left; {@code what} names it in logs. */
    void run(String what, Runnable action) {
        call(what, () -> {
            action.run();
            return null;
        });
    }

    /**
     * Calls {@code action}, again after each retriable failure while time is left.
     *
     * @param what the action in messages, e.g. "Writing 500 records to sink 'postgres'"
     * @throws RetriableException the last failure's, wrapped with the attempts and the time spent, once
     *     {@code max-elapsed} has passed (the failure itself when retries are off)
     */
    <T> T call(String what, Supplier<T> action) {
        long start = nanoTime.getAsLong();
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RetriableException e) {
                long elapsed = nanoTime.getAsLong() - start;
                long remaining = settings.maxElapsed().toNanos() - elapsed;
                if (settings.maxElapsed().isZero()) {
                    throw e;
                }
                if (remaining <= 0) {
                    throw new RetriableException(
                            what + " failed " + attempt + " times in " + seconds(elapsed)
                                    + "; gave up after 'chainline.sinks.retry.max-elapsed' ("
                                    + settings.maxElapsed()
                                            .toString()
                                            .substring(2)
                                            .toLowerCase(Locale.ROOT)
                                    + "): " + e.getMessage(),
                            e);
                }
                long wait = Math.min(backoffNanos(attempt), remaining);
                retries.incrementAndGet();
                log.warn(
                        "{} failed (attempt {}), trying again in {} ms: {}",
                        what,
                        attempt,
                        TimeUnit.NANOSECONDS.toMillis(wait),
                        e.getMessage());
                pause(what, wait, e);
            }
        }
    }

    /**
     * The wait after the {@code attempt}-th failure: {@code initial-backoff} doubled per attempt up to
     * {@code max-backoff}, less a random part of up to half of it, so that consumers failing together spread out.
     */
    long backoffNanos(int attempt) {
        long initial = settings.initialBackoff().toNanos();
        long max = settings.maxBackoff().toNanos();
        int doublings = Math.min(attempt - 1, 62);
        long exponential = initial > (max >> doublings) ? max : Math.min(max, initial << doublings);
        return exponential - (long) (exponential / 2.0 * random.getAsDouble());
    }

    /** Attempts that failed and were tried again so far. */
    long retries() {
        return retries.get();
    }

    private void pause(String what, long nanos, RetriableException failure) {
        try {
            sleeper.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ChainlineException interrupted =
                    new ChainlineException("Interrupted while waiting to try again: " + what, failure);
            interrupted.addSuppressed(e);
            throw interrupted;
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
