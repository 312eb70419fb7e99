package io.chainline.core.generator;

/**
 * Writes fixed-point numbers the way the DataCo file holds them: {@code '.'} as the separator, no trailing zeros
 * in the fraction, no decimal point for whole numbers ({@code 32775, 2 -> "327.75"}, {@code 5000, 2 -> "50"},
 * {@code -5, 2 -> "-0.05"}). No locale, no {@code String.format}: this runs for several values of every row.
 */
final class Decimals {
    private static final int MAX_CHARS = 24;

    private Decimals() {}

    /** The text of {@code unscaled * 10^-scale}; {@code scale} within [0, 18]. */
    static String format(long unscaled, int scale) {
        if (unscaled == 0) {
            return "0";
        }
        boolean negative = unscaled < 0;
        // Values here are money and coordinates, far from Long.MIN_VALUE, so negation cannot overflow.
        long magnitude = negative ? -unscaled : unscaled;
        while (scale > 0 && magnitude % 10 == 0) {
            magnitude /= 10;
            scale--;
        }
        char[] chars = new char[MAX_CHARS];
        int position = MAX_CHARS;
        int digits = 0;
        while (magnitude > 0 || digits <= scale) {
            if (digits == scale && scale > 0) {
                chars[--position] = '.';
            }
            chars[--position] = (char) ('0' + magnitude % 10);
            magnitude /= 10;
            digits++;
        }
        if (negative) {
            chars[--position] = '-';
        }
        return new String(chars, position, MAX_CHARS - position);
    }
}
