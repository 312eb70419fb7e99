package io.chainline.core.generator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest {
    @Test
    void writesFixedPointWithoutTrailingZeros() {
        assertThat(Decimals.format(32775, 2)).isEqualTo("327.75");
        assertThat(Decimals.format(5000, 2)).isEqualTo("50");
        assertThat(Decimals.format(131100, 4)).isEqualTo("13.11");
        assertThat(Decimals.format(-5, 2)).isEqualTo("-0.05");
        assertThat(Decimals.format(0, 6)).isEqualTo("0");
        assertThat(Decimals.format(-249089996, 6)).isEqualTo("-249.089996");
        assertThat(Decimals.format(1825145340L, 8)).isEqualTo("18.2514534");
        assertThat(Decimals.format(-12267150279L, 8)).isEqualTo("-122.67150279");
        assertThat(Decimals.format(7, 0)).isEqualTo("7");
        assertThat(Decimals.format(120, 0)).isEqualTo("120");
    }
}
