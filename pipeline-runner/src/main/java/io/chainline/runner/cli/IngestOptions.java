package io.chainline.runner.cli;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Option;

import io.chainline.ingest.source.IngestRequest;

/** The options of every command that ingests: what to send to Kafka. */
final class IngestOptions {

    @Option(
            names = "--input",
            paramLabel = "PATH",
            description = "A DataCo CSV file, a directory of them or a glob (repeatable).")
    List<String> inputs = new ArrayList<>();

    @Option(
            names = "--seed",
            paramLabel = "SEED",
            defaultValue = "42",
            description = "Seed of the generated rows (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jdbc", description = "Read the offline store configured under chainline.ingest.jdbc.")
    boolean jdbc;

    @Option(
            names = "--source",
            paramLabel = "NAME",
            description = "Read the record source registered as NAME, e.g. one an embedding project registers"
                    + " (repeatable).")
    List<String> sources = new ArrayList<>();

    @Option(
            names = "--charset",
            paramLabel = "CHARSET",
            description = "Encoding of the CSV files when detection should not decide (e.g. ISO-8859-1).")
    Charset charset;

    /** The request for these options, sending {@code generate} generated rows besides the inputs. */
    IngestRequest request(long generate) {
        return new IngestRequest(inputs, Optional.ofNullable(charset), generate, seed, jdbc, sources);
    }

    /** Whether a file, the offline store or a record source was named. */
    boolean namesAnInput() {
        return !inputs.isEmpty() || jdbc || !sources.isEmpty();
    }
}
