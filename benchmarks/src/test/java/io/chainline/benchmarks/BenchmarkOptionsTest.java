package io.chainline.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkOptionsTest {

    @Test
    void defaultsToTheDatasetSizeAndTenTimesIt() {
        assertThat(BenchmarkOptions.parse())
                .isEqualTo(new BenchmarkOptions(
                        List.of(180_519L, 1_805_190L), Optional.empty(), false, 42, 20_000, List.of()));
    }

    @Test
    void takesRepeatedAndListedRowsAndTheOtherOptions() {
        BenchmarkOptions options = BenchmarkOptions.parse(
                "--rows",
                "1000,2_000",
                "--rows",
                "3000",
                "--dir",
                "work",
                "--keep",
                "--seed",
                "7",
                "--warmup-rows",
                "500",
                "--set",
                "chainline.ingest.transaction-rows=100");

        assertThat(options)
                .isEqualTo(new BenchmarkOptions(
                        List.of(1000L, 2000L, 3000L),
                        Optional.of(Path.of("work")),
                        true,
                        7,
                        500,
                        List.of("chainline.ingest.transaction-rows=100")));
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndBadNumbers() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown option '--fast'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--rows"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Option --rows needs a value");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--seed", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Option --seed needs a whole number, got 'x'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--rows", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--rows must name row counts > 0, got [0]");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--set", "chainline.kafka.bootstrap=x:1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--set takes chainline.ingest.KEY=VALUE, got 'chainline.kafka.bootstrap=x:1'");
    }
}
