package io.chainline.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The command line of {@link OlapBenchmark}.
 *
 * @param rows the row counts to measure, in order
 * @param dir the work directory's parent; empty means the system's temporary directory
 * @param keep whether the work directory survives the run
 * @param seed the generator's seed
 * @param warmupRows the rows of the baseline run that warms the session up before the measured sizes
 * @param settings extra {@code chainline.spark.*} and {@code chainline.silver.*} settings, for experiments
 */
record OlapOptions(
        List<Long> rows, Optional<Path> dir, boolean keep, long seed, long warmupRows, List<String> settings) {
    static final String USAGE = "Usage: OlapBenchmark [--rows N[,N...]]... [--dir PATH] [--keep] [--seed S]"
            + " [--warmup-rows N] [--set chainline.spark.KEY=VALUE]...";

    OlapOptions {
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        requireNonNull(dir, "dir is null");
        settings = List.copyOf(requireNonNull(settings, "settings is null"));
        for (String setting : settings) {
            if (!(setting.startsWith("chainline.spark.") || setting.startsWith("chainline.silver."))
                    || !setting.contains("=")) {
                throw new IllegalArgumentException(
                        "--set takes chainline.spark.KEY=VALUE or chainline.silver.KEY=VALUE," + " got '" + setting
                                + "'");
            }
        }
        if (rows.isEmpty() || rows.stream().anyMatch(n -> n <= 0)) {
            throw new IllegalArgumentException("--rows must name row counts > 0, got " + rows);
        }
        if (warmupRows <= 0) {
            throw new IllegalArgumentException("--warmup-rows must be > 0, got " + warmupRows);
        }
    }

    /**
     * Parses {@code args} (see {@link ParsedArguments#parse}) and checks them.
     *
     * @throws IllegalArgumentException when an option is unknown, lacks its value or has an invalid one
     */
    static OlapOptions parse(String... args) {
        ParsedArguments parsed = ParsedArguments.parse(USAGE, args);
        return new OlapOptions(
                parsed.rows(), parsed.dir(), parsed.keep(), parsed.seed(), parsed.warmupRows(), parsed.settings());
    }
}
