package io.chainline.runner.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import io.chainline.core.stage.Stage;
import io.chainline.ingest.produce.IngestStageFactory;
import io.chainline.ingest.source.IngestRequest;

/**
 * {@code chainline stream-data}: sends CSV files, the offline store, generated rows or the rows of a registered record
 * source to Kafka, exactly once.
 */
@Command(
        name = "stream-data",
        description = "Send CSV files, an offline store, generated rows or a registered source's rows to Kafka.")
final class StreamDataCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Mixin
    IngestOptions ingest = new IngestOptions();

    @Option(names = "--generate", paramLabel = "N", description = "Send N generated rows.")
    long generate;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "Send to this topic instead of chainline.ingest.topic.")
    String topic;

    @Override
    public Integer call() {
        if (topic != null) {
            root.options().override("chainline.ingest.topic", topic);
        }
        IngestRequest request = ingest.request(generate);
        return RunSession.run(root, "stream-data", run ->
                new Stage[] {run.get(IngestStageFactory.class).create(request, run.runId())});
    }
}
