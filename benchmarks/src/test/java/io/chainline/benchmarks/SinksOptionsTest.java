package io.chainline.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SinksOptionsTest {

    @Test
    void defaultsToTheDatasetSizeAndTenTimesIt() {
        assertThat(SinksOptions.parse())
                .isEqualTo(new SinksOptions(
                        List.of(180_519L, 1_805_190L), Optional.empty(), false, 42, 20_000, List.of()));
    }

    @Test
    void takesRepeatedAndListedRowsAndTheOtherOptions() {
        SinksOptions options = SinksOptions.parse(
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
                "0",
                "--set",
                "chainline.sinks.batch.max-records=500");

        assertThat(options)
                .isEqualTo(new SinksOptions(
                        List.of(1000L, 2000L, 3000L),
                        Optional.of(Path.of("work")),
                        true,
                        7,
                        0,
                        List.of("chainline.sinks.batch.max-records=500")));
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndBadValues() {
        assertThatThrownBy(() -> SinksOptions.parse("--fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown option '--fast'");
        assertThatThrownBy(() -> SinksOptions.parse("--dir"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Option --dir needs a value");
        assertThatThrownBy(() -> SinksOptions.parse("--rows", "1e6"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Option --rows needs a whole number, got '1e6'");
        assertThatThrownBy(() -> SinksOptions.parse("--warmup-rows", "-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--warmup-rows must be >= 0 (0: no warm-up), got -1");
        assertThatThrownBy(() -> SinksOptions.parse("--set", "chainline.ingest.partitions=3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--set takes chainline.sinks.KEY=VALUE, got 'chainline.ingest.partitions=3'");
    }
}
