package io.chainline.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The command line of {@link IngestBenchmark}.
 *
 * @param rows the row counts to measure, in order
 * @param dir the work directory; empty means a fresh temporary one
 * @param keep whether the work directory survives the run
 * @param seed the generator's seed
 * @param warmupRows the rows of the warm-up run done before each measured size
 * @param ingestSettings extra {@code chainline.ingest.<key>=<value>} settings of our ingest, for experiments
 */
record BenchmarkOptions(
        List<Long> rows, Optional<Path> dir, boolean keep, long seed, long warmupRows, List<String> ingestSettings) {
    static final String USAGE = "Usage: IngestBenchmark [--rows N[,N...]]... [--dir PATH] [--keep] [--seed S]"
            + " [--warmup-rows N] [--set chainline.ingest.KEY=VALUE]...";

    BenchmarkOptions {
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        requireNonNull(dir, "dir is null");
        ingestSettings = List.copyOf(requireNonNull(ingestSettings, "ingestSettings is null"));
        for (String setting : ingestSettings) {
            if (!setting.startsWith("chainline.ingest.") || !setting.contains("=")) {
                throw new IllegalArgumentException("--set takes chainline.ingest.KEY=VALUE, got '" + setting + "'");
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
    static BenchmarkOptions parse(String... args) {
        ParsedArguments parsed = ParsedArguments.parse(USAGE, args);
        return new BenchmarkOptions(
                parsed.rows(), parsed.dir(), parsed.keep(), parsed.seed(), parsed.warmupRows(), parsed.settings());
    }
}
