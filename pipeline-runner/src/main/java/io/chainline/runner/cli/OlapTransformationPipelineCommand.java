package io.chainline.runner.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

import io.chainline.core.settings.StoreSettings;
import io.chainline.core.stage.Stage;
import io.chainline.olap.OlapRunStages;
import io.chainline.olap.spark.SparkSessionFactory;
import io.chainline.olap.stage.OlapStageFactory;

/**
 * {@code chainline olap-transformation-pipeline}: builds the star schema (silver) from the raw files with Spark.
 * The master is {@code --master}, else the local cluster {@code start-spark} runs, else
 * {@code chainline.spark.master}. The run is {@link OlapRunStages}: the {@code spark-session} stage (where the work
 * runs), then the olap-transform stage.
 */
@Command(
        name = "olap-transformation-pipeline",
        description = "Build the star schema (silver) from the raw files with Spark.")
final class OlapTransformationPipelineCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Mixin
    SilverOptions silver = new SilverOptions();

    @Override
    public Integer call() {
        silver.applyMaster(root);
        return RunSession.run(
                root,
                "olap-transformation-pipeline",
                run -> OlapRunStages.of(
                                run.get(SparkSessionFactory.class),
                                run.get(OlapStageFactory.class),
                                silver.request(run.get(StoreSettings.class)))
                        .toArray(Stage[]::new));
    }
}
