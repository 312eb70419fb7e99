package io.chainline.runner.cli;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.settings.StoreSettings;
import io.chainline.core.stage.ParallelGroup;
import io.chainline.core.stage.Stage;
import io.chainline.export.stage.ExportRequest;
import io.chainline.export.stage.ExportStageFactory;
import io.chainline.ingest.produce.IngestStageFactory;
import io.chainline.olap.OlapRunStages;
import io.chainline.olap.StoreRootUri;
import io.chainline.olap.spark.SparkSessionFactory;
import io.chainline.olap.stage.OlapRequest;
import io.chainline.olap.stage.OlapStageFactory;
import io.chainline.sinks.consume.ConsumeRequest;
import io.chainline.sinks.consume.ConsumeStageFactory;

/**
 * {@code chainline start-project}: the whole project in one process on embedded defaults. Generated rows (or the
 * given DataCo CSV files) go to Kafka while a consume drains them into the bronze table and the raw files at the same
 * time; then the star schema is built from the raw files and loaded into the local DuckDB warehouse, and the counts
 * of every hop are reconciled.
 */
@Command(
        name = "start-project",
        description = "Run everything in one process on embedded defaults: generated rows"
                + " or --input CSV files -> Kafka -> PostgreSQL + raw files -> silver -> local warehouse.")
final class StartProjectCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Mixin
    IngestOptions ingest = new IngestOptions();

    @Option(
            names = "--rows",
            paramLabel = "N",
            description =
                    "Generated rows to send when no --input, --jdbc or --source is given (default: the real dataset's"
                            + " 180,519).")
    Long rows;

    @Option(names = "--fresh", description = "Start from an empty data folder (the local store root and warehouse).")
    boolean fresh;

    @Override
    public Integer call() {
        if (fresh) {
            DataFolder.of(root.environment().config(root.options()))
                    .empty()
                    .forEach(path -> root.environment().output().message("--fresh: emptied " + path));
        }
        long generate = rows != null ? rows : ingest.namesAnInput() ? 0 : DataCoGenerator.DATASET_ROW_COUNT;
        return RunSession.runReconciled(root, "start-project", run -> {
            CompletableFuture<Void> ingestDone = new CompletableFuture<>();
            Stage send = new SignallingStage(
                    run.get(IngestStageFactory.class).create(ingest.request(generate), run.runId()), ingestDone);
            Stage drain = run.get(ConsumeStageFactory.class).create(ConsumeRequest.drainAfter(ingestDone));
            URI store = StoreRootUri.of(run.get(StoreSettings.class).root());
            List<Stage> silver = OlapRunStages.of(
                    run.get(SparkSessionFactory.class), run.get(OlapStageFactory.class), new OlapRequest(store, store));
            // The Spark session starts while the rows stream, so that the star schema can start as soon as they are in.
            return new Stage[] {
                ParallelGroup.of("stream", send, drain, silver.get(0)),
                silver.get(1),
                run.get(ExportStageFactory.class).create(ExportRequest.mode("local"))
            };
        });
    }
}
