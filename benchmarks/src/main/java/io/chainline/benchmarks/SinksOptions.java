package io.chainline.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The command line of {@link SinksBenchmark}.
 *
 * @param rows the row counts to measure, in order
 * @param dir the parent of the work directory; empty means the system's temporary directory
 * @param keep whether the work directory survives the run
 * @param seed the generator's seed
 * @param warmupRows the rows of the warm-up round run once before the measured sizes
 * @param sinksSettings extra {@code chainline.sinks.<key>=<value>} settings of the consume runs, for experiments
 */
record SinksOptions(
        List<Long> rows, Optional<Path> dir, boolean keep, long seed, long warmupRows, List<String> sinksSettings) {
    static final String USAGE = "Usage: SinksBenchmark [--rows N[,N...]]... [--dir PATH] [--keep] [--seed S]"
            + " [--warmup-rows N] [--set chainline.sinks.KEY=VALUE]...";

    SinksOptions {
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        requireNonNull(dir, "dir is null");
        sinksSettings = List.copyOf(requireNonNull(sinksSettings, "sinksSettings is null"));
        for (String setting : sinksSettings) {
            if (!setting.startsWith("chainline.sinks.") || !setting.contains("=")) {
                throw new IllegalArgumentException("--set takes chainline.sinks.KEY=VALUE, got '" + setting + "'");
            }
        }
        if (rows.isEmpty() || rows.stream().anyMatch(n -> n <= 0)) {
            throw new IllegalArgumentException("--rows must name row counts > 0, got " + rows);
        }
        if (warmupRows < 0) {
            throw new IllegalArgumentException("--warmup-rows must be >= 0 (0: no warm-up), got " + warmupRows);
        }
    }

    /**
     * Parses {@code args} (see {@link ParsedArguments#parse}) and checks them.
     *
     * @throws IllegalArgumentException when an option is unknown, lacks its value or has an invalid one
     */
    static SinksOptions parse(String... args) {
        ParsedArguments parsed = ParsedArguments.parse(USAGE, args);
        return new SinksOptions(
                parsed.rows(), parsed.dir(), parsed.keep(), parsed.seed(), parsed.warmupRows(), parsed.settings());
    }
}
