package io.chainline.runner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import io.chainline.core.settings.StoreSettings;
import io.chainline.core.stage.Stage;
import io.chainline.export.stage.ExportRequest;
import io.chainline.export.stage.ExportStageFactory;
import io.chainline.olap.OlapRunStages;
import io.chainline.olap.spark.SparkSessionFactory;
import io.chainline.olap.stage.OlapStageFactory;

/**
 * {@code chainline start-batch-pipeline}: {@code olap-transformation-pipeline}, then {@code gcs-to-bigquery-pipeline},
 * as one run whose counts are reconciled: the fact holds every distinct order item conformed, and the warehouse every
 * row of the manifest.
 */
@Command(
        name = "start-batch-pipeline",
        description = "Run olap-transformation-pipeline, then gcs-to-bigquery-pipeline, and reconcile the counts.")
final class StartBatchPipelineCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Mixin
    SilverOptions silver = new SilverOptions();

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            description =
                    "Export mode: local, bigquery, mage or an embedding project's (default: chainline.export.mode).")
    String mode;

    @Override
    public Integer call() {
        silver.applyMaster(root);
        return RunSession.runReconciled(root, "start-batch-pipeline", run -> {
            List<Stage> stages = new ArrayList<>(OlapRunStages.of(
                    run.get(SparkSessionFactory.class),
                    run.get(OlapStageFactory.class),
                    silver.request(run.get(StoreSettings.class))));
            stages.add(run.get(ExportStageFactory.class).create(new ExportRequest(Optional.ofNullable(mode))));
            return stages.toArray(Stage[]::new);
        });
    }
}
