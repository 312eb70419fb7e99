package io.chainline.runner.cli;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.chainline.core.stage.Stage;
import io.chainline.ingest.produce.IngestStageFactory;
import io.chainline.ingest.source.IngestRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code chainline stream-data}: sends CSV files, the offline store or generated rows to Kafka, exactly once. */
@Command(name = "stream-data", description = "Send CSV files, an offline store or generated rows to Kafka.")
final class StreamDataCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--input", paramLabel = "PATH",
            description = "A DataCo CSV file, a directory of them or a glob (repeatable).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--generate", paramLabel = "N", description = "Send N generated rows.")
    long generate;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
            description = "Seed of the generated rows (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jdbc", description = "Read the offline store configured under chainline.ingest.jdbc.")
    boolean jdbc;

    @Option(names = "--charset", paramLabel = "CHARSET",
            description = "Encoding of the CSV files when detection should not decide (e.g. ISO-8859-1).")
    Charset charset;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Send to this topic instead of chainline.ingest.topic.")
    String topic;

    @Override
    public Integer call() {
        if (topic != null) {
            root.options().override("chainline.ingest.topic", topic);
        }
        IngestRequest request = new IngestRequest(inputs, Optional.ofNullable(charset), generate, seed, jdbc);
        return RunSession.run(root, "stream-data",
                run -> new Stage[] {run.get(IngestStageFactory.class).create(request, run.runId())});
    }
}
