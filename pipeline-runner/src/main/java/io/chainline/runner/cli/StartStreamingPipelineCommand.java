package io.chainline.runner.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import io.chainline.core.error.ConfigException;
import io.chainline.core.stage.Stage;
import io.chainline.ingest.produce.IngestStageFactory;
import io.chainline.sinks.consume.ConsumeRequest;
import io.chainline.sinks.consume.ConsumeStageFactory;

/**
 * {@code chainline start-streaming-pipeline}: {@code stream-data}, then {@code consume --until-caught-up}, as one run
 * whose counts are reconciled: rows read = sent + rejected, and every row sent is in the bronze table and the raw
 * files (those of the enabled sinks) at the offsets this run produced.
 */
@Command(
        name = "start-streaming-pipeline",
        description = "Run stream-data, then consume --until-caught-up, and reconcile the counts.")
final class StartStreamingPipelineCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Mixin
    IngestOptions ingest = new IngestOptions();

    @Option(
            names = "--rows",
            paramLabel = "N",
            description = "Send N generated rows (when no --input, --jdbc or --source is given).")
    long rows;

    @Override
    public Integer call() {
        if (!ingest.namesAnInput() && rows <= 0) {
            throw new ConfigException(
                    "start-streaming-pipeline needs something to send: --input PATH, --jdbc, --source NAME or --rows N");
        }
        return RunSession.runReconciled(root, "start-streaming-pipeline", run -> new Stage[] {
            run.get(IngestStageFactory.class).create(ingest.request(rows), run.runId()),
            run.get(ConsumeStageFactory.class).create(ConsumeRequest.drain())
        });
    }
}
