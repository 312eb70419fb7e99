package io.chainline.runner.cli;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Callable;

import com.google.inject.Injector;

import io.chainline.core.service.ServiceRegistry;
import io.chainline.core.service.StateDirectory;
import io.chainline.core.settings.StoreSettings;
import io.chainline.core.stage.Stage;
import io.chainline.olap.OlapRunStages;
import io.chainline.olap.StoreRootUri;
import io.chainline.olap.spark.SparkSessionFactory;
import io.chainline.olap.stage.OlapRequest;
import io.chainline.olap.stage.OlapStageFactory;
import io.chainline.runner.services.LocalSparkCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code chainline olap-transformation-pipeline}: builds the star schema (silver) from the raw files with Spark.
 * The master is {@code --master}, else the local cluster {@code start-spark} runs, else
 * {@code chainline.spark.master}. The run is {@link OlapRunStages}: the {@code spark-session} stage (where the work
 * runs), then the olap-transform stage.
 */
@Command(name = "olap-transformation-pipeline",
        description = "Build the star schema (silver) from the raw files with Spark.")
final class OlapTransformationPipelineCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Option(names = "--raw", paramLabel = "URI",
            description = "Store root whose raw_streaming/ is read (default: chainline.store.root).")
    URI raw;

    @Option(names = "--silver", paramLabel = "URI",
            description = "Store root silver/ is published under (default: chainline.store.root).")
    URI silver;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: the cluster of start-spark when it runs, else chainline.spark.master).")
    String master;

    @Override
    public Integer call() {
        Injector probe = root.environment().injector(root.options());
        String resolved = master != null ? master : new LocalSparkCluster(probe.getInstance(ServiceRegistry.class),
                probe.getInstance(StateDirectory.class), probe.getInstance(Clock.class)).runningMaster().orElse(null);
        if (resolved != null) {
            root.options().override("chainline.spark.master", resolved);
        }
        URI storeRoot = StoreRootUri.of(probe.getInstance(StoreSettings.class).root());
        OlapRequest request = new OlapRequest(raw != null ? raw : storeRoot, silver != null ? silver : storeRoot);
        return RunSession.run(root, "olap-transformation-pipeline", run -> OlapRunStages.of(
                run.get(SparkSessionFactory.class), run.get(OlapStageFactory.class), request).toArray(Stage[]::new));
    }
}
