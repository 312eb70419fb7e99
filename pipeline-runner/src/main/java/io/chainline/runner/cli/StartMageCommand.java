package io.chainline.runner.cli;

import java.util.concurrent.Callable;

import com.google.inject.Injector;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.store.BlobStore;
import io.chainline.export.mage.MageSettings;
import io.chainline.export.mage.provision.MageProvisioner;
import io.chainline.export.mage.provision.ProvisionResult;

/**
 * {@code chainline start-mage}: provisions the Mage export pipeline for the published silver manifest (one loader
 * and one exporter block per table) and its API trigger, whose id and token it keeps in the state directory. Without
 * a Mage URL it says that exports use the direct BigQuery exporter, and succeeds.
 */
@Command(name = "start-mage", description = "Provision the Mage export pipeline and its API trigger.")
final class StartMageCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        Injector injector = root.environment().injector(root.options());
        CliOutput output = root.environment().output();
        MageSettings settings = injector.getInstance(MageSettings.class);
        if (settings.url().isEmpty()) {
            output.message("No Mage server is configured (chainline.mage.url, CHAINLINE_MAGE_URL), so there is nothing"
                    + " to provision: exports use the direct BigQuery exporter (chainline gcs-to-bigquery-pipeline"
                    + " --mode bigquery, or chainline.export.mode = bigquery).");
            return 0;
        }
        ProvisionResult result;
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        try {
            BlobStore store = injector.getInstance(BlobStore.class);
            String manifestUri = store.uriOf(SilverManifest.OBJECT_NAME).toString();
            SilverManifest manifest = SilverManifest.read(store)
                    .orElseThrow(() -> new ChainlineException(
                            "No silver manifest is published at " + manifestUri + ": run `chainline"
                                    + " olap-transformation-pipeline` first; start-mage makes one loader and one exporter"
                                    + " block per table of the manifest"));
            result = injector.getInstance(MageProvisioner.class).provision(manifest, manifestUri);
        } finally {
            lifecycle.close();
        }
        output.message("Provisioned Mage pipeline " + result.pipeline() + " at " + result.server() + ": "
                + result.blocks().size() + " blocks for the " + (result.blocks().size() / 2) + " tables of silver run "
                + result.manifestRunId()
                + ("files".equals(result.method())
                        ? ", written into " + settings.projectDir().orElseThrow()
                        : ", created through the API")
                + ".");
        output.message("API trigger " + result.triggerName() + " (schedule " + result.triggerScheduleId() + ") "
                + (result.triggerCreated() ? "created" : "reused") + "; its id and token are kept in "
                + result.triggerFile() + " (readable only by you). Run the export with chainline"
                + " gcs-to-bigquery-pipeline --mode mage.");
        if (root.options().json()) {
            output.json(result);
        } else {
            output.result(result.pipeline());
        }
        return 0;
    }
}
