package io.chainline.runner.cli;

import java.net.URI;
import java.time.Clock;

import com.typesafe.config.Config;
import picocli.CommandLine.Option;

import io.chainline.core.settings.StateSettings;
import io.chainline.core.settings.StoreSettings;
import io.chainline.core.state.StateDirectory;
import io.chainline.olap.StoreRootUri;
import io.chainline.olap.stage.OlapRequest;
import io.chainline.runner.process.ServiceRegistry;
import io.chainline.runner.services.LocalSparkCluster;

/** The options of every command that builds the star schema: where raw files are read, silver published, Spark run. */
final class SilverOptions {

    @Option(
            names = "--raw",
            paramLabel = "URI",
            description = "Store root whose raw_streaming/ is read (default: chainline.store.root).")
    URI raw;

    @Option(
            names = "--silver",
            paramLabel = "URI",
            description = "Store root silver/ is published under (default: chainline.store.root).")
    URI silver;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description =
                    "Spark master (default: the cluster of start-spark when it runs, else chainline.spark.master).")
    String master;

    /**
     * Sets {@code chainline.spark.master} for the run, before its injector is built: {@code --master}, else the local
     * cluster {@code start-spark} runs, else the configured one stays. Reads only the state directory's registry.
     */
    void applyMaster(RootCommand root) {
        String resolved = master;
        if (resolved == null) {
            Config config = root.environment().config(root.options());
            StateDirectory state = new StateDirectory(StateSettings.from(config).stateDir());
            Clock clock = Clock.systemUTC();
            resolved = new LocalSparkCluster(new ServiceRegistry(state, clock), state, clock)
                    .runningMaster()
                    .orElse(null);
        }
        if (resolved != null) {
            root.options().override("chainline.spark.master", resolved);
        }
    }

    /** The request of these options; both roots default to {@code store}'s. */
    OlapRequest request(StoreSettings store) {
        URI storeRoot = StoreRootUri.of(store.root());
        return new OlapRequest(raw != null ? raw : storeRoot, silver != null ? silver : storeRoot);
    }
}
