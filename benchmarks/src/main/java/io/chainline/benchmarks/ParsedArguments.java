package io.chainline.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.chainline.core.generator.DataCoGenerator;

import static java.util.Objects.requireNonNull;

/**
 * The command line both benchmarks share, parsed but not yet checked: each benchmark's options record checks what
 * it needs (its {@code --set} prefix, its warm-up rule).
 *
 * @param rows the row counts to measure, in order
 * @param dir the work directory; empty means a fresh temporary one
 * @param keep whether the work directory survives the run
 * @param seed the generator's seed
 * @param warmupRows the rows of the warm-up run done before each measured size
 * @param settings the {@code --set KEY=VALUE} arguments
 */
record ParsedArguments(
        List<Long> rows, Optional<Path> dir, boolean keep, long seed, long warmupRows, List<String> settings) {
    /** The sizes measured by default: the real dataset's row count and ten times it. */
    static final List<Long> DEFAULT_ROWS =
            List.of(DataCoGenerator.DATASET_ROW_COUNT, 10 * DataCoGenerator.DATASET_ROW_COUNT);

    static final long DEFAULT_SEED = 42;
    static final long DEFAULT_WARMUP_ROWS = 20_000;

    /**
     * Parses {@code args}: {@code --rows} (repeatable, or a comma-separated list), {@code --dir}, {@code --keep},
     * {@code --seed}, {@code --warmup-rows}, {@code --set} (repeatable).
     *
     * @param usage the benchmark's usage line, added to messages about unknown or incomplete options
     * @throws IllegalArgumentException when an option is unknown, lacks its value or is not a number
     */
    static ParsedArguments parse(String usage, String... args) {
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
                    for (String part : value(args, ++i, arg, usage).split(",")) {
                        rows.add(number(arg, part.replace("_", "").trim()));
                    }
                }
                case "--dir" -> dir = Optional.of(Path.of(value(args, ++i, arg, usage)));
                case "--keep" -> keep = true;
                case "--seed" -> seed = number(arg, value(args, ++i, arg, usage));
                case "--warmup-rows" -> warmupRows = number(arg, value(args, ++i, arg, usage));
                case "--set" -> settings.add(value(args, ++i, arg, usage));
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'. " + usage);
            }
        }
        return new ParsedArguments(
                rows.isEmpty() ? DEFAULT_ROWS : List.copyOf(rows), dir, keep, seed, warmupRows, List.copyOf(settings));
    }

    private static String value(String[] args, int index, String option, String usage) {
        if (index >= args.length) {
            throw new IllegalArgumentException("Option " + option + " needs a value. " + usage);
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
