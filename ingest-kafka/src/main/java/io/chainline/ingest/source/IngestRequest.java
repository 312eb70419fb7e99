package io.chainline.ingest.source;

import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What one ingest run reads, as given on the command line or by an embedding program.
 *
 * @param inputs CSV files, directories (every {@code *.csv} in them, sorted) or globs ({@code data/*.csv}) for the
 *     {@value #CSV} source
 * @param charset the CSV encoding when not detected (UTF-8 with or without BOM, else windows-1252/ISO-8859-1)
 * @param generateRows rows the {@value #GENERATOR} source produces; 0 for none
 * @param seed the generator's seed
 * @param jdbc whether to read the configured JDBC offline store (the {@value #JDBC} source)
 * @param sources further record sources to read, by their registered type name ({@code --source NAME}), e.g. one
 *     an embedding project registers
 */
public record IngestRequest(
        List<String> inputs,
        Optional<Charset> charset,
        long generateRows,
        long seed,
        boolean jdbc,
        List<String> sources) {
    /** The generator's default seed. */
    public static final long DEFAULT_SEED = 42;
    /** The type name of the CSV source, read when {@link #inputs()} is not empty. */
    public static final String CSV = "csv";
    /** The type name of the generator source, read when {@link #generateRows()} is positive. */
    public static final String GENERATOR = "generator";
    /** The type name of the JDBC offline store source, read when {@link #jdbc()} is set. */
    public static final String JDBC = "jdbc";

    public IngestRequest {
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        requireNonNull(charset, "charset is null");
        if (generateRows < 0) {
            throw new IllegalArgumentException("generateRows must be >= 0, got " + generateRows);
        }
        sources = List.copyOf(requireNonNull(sources, "sources is null"));
    }

    /** A request that names no further source by type. */
    public IngestRequest(List<String> inputs, Optional<Charset> charset, long generateRows, long seed, boolean jdbc) {
        this(inputs, charset, generateRows, seed, jdbc, List.of());
    }

    /** A request to read the given CSV inputs. */
    public static IngestRequest csv(String... inputs) {
        return new IngestRequest(List.of(inputs), Optional.empty(), 0, DEFAULT_SEED, false);
    }

    /** A request to generate rows. */
    public static IngestRequest generate(long rows, long seed) {
        return new IngestRequest(List.of(), Optional.empty(), rows, seed, false);
    }

    /** A request to read the JDBC offline store. */
    public static IngestRequest jdbcStore() {
        return new IngestRequest(List.of(), Optional.empty(), 0, DEFAULT_SEED, true);
    }

    /** A request to read the record sources registered under {@code names}. */
    public static IngestRequest fromSources(String... names) {
        return new IngestRequest(List.of(), Optional.empty(), 0, DEFAULT_SEED, false, List.of(names));
    }

    /**
     * The type names of every source this request reads, each once, in this order: {@value #CSV} when there are
     * inputs, {@value #GENERATOR} when rows are to be generated, {@value #JDBC} when the offline store is asked
     * for, then {@link #sources()}.
     */
    public List<String> sourceNames() {
        Set<String> names = new LinkedHashSet<>();
        if (!inputs.isEmpty()) {
            names.add(CSV);
        }
        if (generateRows > 0) {
            names.add(GENERATOR);
        }
        if (jdbc) {
            names.add(JDBC);
        }
        names.addAll(sources);
        return List.copyOf(names);
    }

    /** Whether the request names any input at all. */
    public boolean isEmpty() {
        return sourceNames().isEmpty();
    }
}
