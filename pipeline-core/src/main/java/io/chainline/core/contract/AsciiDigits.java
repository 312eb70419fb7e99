package io.chainline.core.contract;

/**
 * ASCII digit scanning for the value parsers. {@link Character#isDigit(char)} is not used because it also accepts
 * other scripts' digits, which the source never contains and downstream systems would not read as numbers.
 */
final class AsciiDigits {
    private AsciiDigits() {}

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Index of the first character at or after {@code from} that is not an ASCII digit (the length if none). */
    static int end(String value, int from) {
        int i = from;
        while (i < value.length() && isDigit(value.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The non-negative number written by the ASCII digits in {@code [from, to)}; the caller bounds the width. */
    static int value(String value, int from, int to) {
        int result = 0;
        for (int i = from; i < to; i++) {
            result = result * 10 + (value.charAt(i) - '0');
        }
        return result;
    }
}
