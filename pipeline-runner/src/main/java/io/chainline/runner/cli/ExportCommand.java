package io.chainline.runner.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import io.chainline.core.stage.Stage;
import io.chainline.export.stage.ExportRequest;
import io.chainline.export.stage.ExportStageFactory;

/** {@code chainline gcs-to-bigquery-pipeline}: loads the published silver tables into the warehouse. */
@Command(
        name = "gcs-to-bigquery-pipeline",
        description = "Load the published silver tables into DuckDB (local), BigQuery or through Mage.")
final class ExportCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description =
                    "Exporter: local, bigquery, mage or an embedding project's own (default: chainline.export.mode).")
    String mode;

    @Override
    public Integer call() {
        ExportRequest request = mode == null ? ExportRequest.configured() : ExportRequest.mode(mode);
        return RunSession.run(root, "gcs-to-bigquery-pipeline", run ->
                new Stage[] {run.get(ExportStageFactory.class).create(request)});
    }
}
