package io.chainline.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.chainline.core.generator.DataCoGenerator;

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
record SinksOptions(List<Long> rows, Optional<Path> dir, boolean keep, long seed, long warmupRows,
        List<String> sinksSettings) {
    /** The sizes measured by default: the real dataset's row count and ten times it. */
    static final List<Long> DEFAULT_ROWS = List.of(DataCoGenerator.DATASET_ROW_COUNT,
            10 * DataCoGenerator.DATASET_ROW_COUNT);
    static final long DEFAULT_SEED = 42;
    static final long DEFAULT_WARMUP_ROWS = 20_000;
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
     * Parses {@code args}: {@code --rows} (repeatable, or a comma-separated list), {@code --dir}, {@code --keep},
     * {@code --seed}, {@code --warmup-rows}, {@code --set} (repeatable).
     *
     * @throws IllegalArgumentException when an option is unknown, lacks its value or has an invalid one
     */
    static SinksOptions parse(String... args) {
        requireNonNull(args, "args is null");
        List<Long> rows = new ArrayList<>();
        Optional<Path> dir = Optional.empty();
        boolean keep = false;
        long seed = DEFAULT_SEED;
        long warmupRows = DEFAULT_WARMUP_ROWS;
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--rows" -> {
                    for (String part : value(args, ++i, arg).split(",")) {
                        rows.add(number(arg, part.replace("_", "").trim()));
                    }
                }
                case "--dir" -> dir = Optional.of(Path.of(value(args, ++i, arg)));
                case "--keep" -> keep = true;
                case "--seed" -> seed = number(arg, value(args, ++i, arg));
                case "--warmup-rows" -> warmupRows = number(arg, value(args, ++i, arg));
                case "--set" -> settings.add(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'. " + USAGE);
            }
        }
        return new SinksOptions(rows.isEmpty() ? DEFAULT_ROWS : rows, dir, keep, seed, warmupRows, settings);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException("Option " + option + " needs a value. " + USAGE);
        }
        return args[index];
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option " + option + " needs a whole number, got '" + text + "'", e);
        }
    }
}
