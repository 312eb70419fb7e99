package io.chainline.core.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import static java.util.Objects.requireNonNull;

/**
 * Picks one of a fixed list of values with fixed integer weights in constant time: a lookup table holds each
 * value's index as many times as its weight.
 *
 * @param <T> the value type
 */
final class WeightedChoice<T> {
    private final List<T> values;
    private final int[] slots;

    private WeightedChoice(List<T> values, int[] slots) {
        this.values = values;
        this.slots = slots;
    }

    /** A choice among {@code values}, the i-th with weight {@code weights[i]} (each >= 0, some > 0). */
    static <T> WeightedChoice<T> of(List<T> values, int[] weights) {
        requireNonNull(values, "values is null");
        requireNonNull(weights, "weights is null");
        if (values.size() != weights.length) {
            throw new IllegalArgumentException("Weighted choice has " + values.size() + " values but " + weights.length
                    + " weights, expected as many weights as values");
        }
        int total = 0;
        for (int weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("Weighted choice weight " + weight + " is negative, expected >= 0");
            }
            total = Math.addExact(total, weight);
        }
        if (total == 0) {
            throw new IllegalArgumentException("Weighted choice weights sum to 0, expected a positive sum");
        }
        int[] slots = new int[total];
        int next = 0;
        for (int i = 0; i < weights.length; i++) {
            for (int w = 0; w < weights[i]; w++) {
                slots[next++] = i;
            }
        }
        return new WeightedChoice<>(List.copyOf(values), slots);
    }

    /** A choice where each value's weight is given by {@code weight}. */
    static <T> WeightedChoice<T> of(List<T> values, ToIntFunction<T> weight) {
        requireNonNull(weight, "weight is null");
        List<T> copy = new ArrayList<>(values);
        int[] weights = new int[copy.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight.applyAsInt(copy.get(i));
        }
        return of(copy, weights);
    }

    /** One value, drawn with {@code random}. */
    T pick(SplitMix64 random) {
        return values.get(slots[random.nextInt(slots.length)]);
    }

    /** One value, drawn from the upper 32 bits of {@code bits} (for callers that hash instead of draw). */
    T pickFromBits(long bits) {
        return values.get(slots[(int) (((bits >>> 32) * slots.length) >>> 32)]);
    }
}
