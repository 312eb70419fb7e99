package io.chainline.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Waiting in tests without sleeping blindly: polls a condition until it holds or a timeout passes, then fails with
 * a message that says what did not happen ("consumer did not catch up in 30 s").
 */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(50);

    private Await() {}

    /**
     * Polls {@code condition} until it is true.
     *
     * @throws AssertionError with {@code what} and the timeout when it does not become true in time
     */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        requireNonNull(timeout, "timeout is null");
        requireNonNull(what, "what is null");
        requireNonNull(condition, "condition is null");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + what, e);
            }
        }
    }
}
