package io.chainline.runner.process;

import java.time.Duration;

/** Durations as people write them in messages ("2 s", "250 ms"). */
final class Durations {

    private Durations() {}

    static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    static Duration requirePositive(Duration duration, String name) {
        if (duration == null) {
            throw new NullPointerException(name + " is null");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Invalid " + name + " " + duration + ": must be positive");
        }
        return duration;
    }
}
