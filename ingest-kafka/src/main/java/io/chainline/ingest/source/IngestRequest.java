package io.chainline.ingest.source;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What one ingest run reads, as given on the command line or by an embedding program.
 *
 * @param inputs CSV files, directories (every {@code *.csv} in them, sorted) or globs ({@code data/*.csv})
 * @param charset the CSV encoding when not detected (UTF-8 with or without BOM, else windows-1252/ISO-8859-1)
 * @param generateRows rows the generator produces; 0 for none
 * @param seed the generator's seed
 * @param jdbc whether to read the configured JDBC offline store
 */
public record IngestRequest(
        List<String> inputs, Optional<Charset> charset, long generateRows, long seed, boolean jdbc) {
    /** The generator's default seed. */
    public static final long DEFAULT_SEED = 42;

    public IngestRequest {
        inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        requireNonNull(charset, "charset is null");
        if (generateRows < 0) {
            throw new IllegalArgumentException("generateRows must be >= 0, got " + generateRows);
        }
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

    /** Whether the request names any input at all. */
    public boolean isEmpty() {
        return inputs.isEmpty() && generateRows == 0 && !jdbc;
    }
}
