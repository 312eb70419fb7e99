package io.chainline.core.generator;

/**
 * The SplitMix64 generator (Steele, Lea, Flood: "Fast splittable pseudorandom number generators", OOPSLA 2014),
 * written out here rather than taken from {@link java.util.SplittableRandom} so that the generated rows cannot
 * change with the JDK. Not thread-safe; each order gets its own instance.
 */
final class SplitMix64 {
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** A well-mixed 64-bit function of {@code z} (the SplitMix64 finaliser). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The next 64 random bits. */
    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** A value in {@code [0, bound)}; {@code bound} must be positive. */
    int nextInt(int bound) {
        // Multiply-shift (Lemire) on the upper 32 bits: no division, and a bias below 2^-32 * bound.
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** A value in {@code [min, maxInclusive]}. */
    int nextInt(int min, int maxInclusive) {
        return min + nextInt(maxInclusive - min + 1);
    }
}
