package io.chainline.runner.cli;

import java.net.URI;
import java.time.Clock;

import com.google.inject.Injector;

import io.chainline.core.service.ServiceRegistry;
import io.chainline.core.service.StateDirectory;
import io.chainline.core.settings.StoreSettings;
import io.chainline.olap.StoreRootUri;
import io.chainline.olap.stage.OlapRequest;
import io.chainline.runner.services.LocalSparkCluster;
import picocli.CommandLine.Option;

/** The options of every command that builds the star schema: where raw files are read, silver published, Spark run. */
final class SilverOptions {

    @Option(names = "--raw", paramLabel = "URI",
            description = "Store root whose raw_streaming/ is read (default: chainline.store.root).")
    URI raw;

    @Option(names = "--silver", paramLabel = "URI",
            description = "Store root silver/ is published under (default: chainline.store.root).")
    URI silver;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: the cluster of start-spark when it runs, else chainline.spark.master).")
    String master;

    /**
     * The request of these options. Sets {@code chainline.spark.master} for the run: {@code --master}, else the local
     * cluster {@code start-spark} runs, else the configured one stays.
     */
    OlapRequest resolve(RootCommand root) {
        Injector probe = root.environment().injector(root.options());
        String resolved = master != null ? master : new LocalSparkCluster(probe.getInstance(ServiceRegistry.class),
                probe.getInstance(StateDirectory.class), probe.getInstance(Clock.class)).runningMaster().orElse(null);
        if (resolved != null) {
            root.options().override("chainline.spark.master", resolved);
        }
        URI storeRoot = StoreRootUri.of(probe.getInstance(StoreSettings.class).root());
        return new OlapRequest(raw != null ? raw : storeRoot, silver != null ? silver : storeRoot);
    }
}
