package io.chainline.export.mage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.inject.Inject;
import com.google.inject.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.StageContext;
import io.chainline.core.store.BlobStore;
import io.chainline.export.mage.client.MageBlockRun;
import io.chainline.export.mage.client.MageBlockRunStatus;
import io.chainline.export.mage.client.MageClient;
import io.chainline.export.mage.client.MageRun;
import io.chainline.export.mage.client.MageTrigger;
import io.chainline.export.mage.provision.MagePipelinePlan;
import io.chainline.export.spi.ExportResult;
import io.chainline.export.spi.TableExport;
import io.chainline.export.spi.WarehouseExporter;

import static java.util.Objects.requireNonNull;

/**
 * Export mode {@code mage}: triggers the pipeline that {@code chainline start-mage} provisioned through its stored API
 * trigger, passing the manifest's URI and run id as runtime variables ({@code chainline_manifest_uri},
 * {@code chainline_run_id}), waits for the run and reports one row per table from its exporter block. The row counts
 * are the manifest's: the exporter blocks check each BigQuery table's count against it and fail otherwise.
 */
public final class MageExporter implements WarehouseExporter {
    /** The mode this exporter serves. */
    public static final String MODE = "mage";

    private static final Logger log = LoggerFactory.getLogger(MageExporter.class);

    private final MageSettings settings;
    private final Provider<MageClient> client;
    private final MageTriggerStore triggers;
    private final Provider<BlobStore> store;

    /**
     * @param settings {@code chainline.mage}
     * @param client makes the run's client; called only when an export runs, so other modes never need a Mage URL
     * @param triggers where {@code start-mage} stored the trigger
     * @param store the object store holding the manifest
     */
    @Inject
    public MageExporter(
            MageSettings settings, Provider<MageClient> client, MageTriggerStore triggers, Provider<BlobStore> store) {
        this.settings = requireNonNull(settings, "settings is null");
        this.client = requireNonNull(client, "client is null");
        this.triggers = requireNonNull(triggers, "triggers is null");
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * Runs the Mage pipeline for {@code manifest} and waits for it.
     *
     * @throws io.chainline.core.error.ConfigException when {@code chainline.mage.url} is empty
     * @throws ChainlineException when no trigger is stored, or the stored one belongs to another pipeline, or a
     *         table's exporter block did not run
     * @throws io.chainline.export.mage.client.MageRunException naming the failed blocks when the run fails, is
     *         cancelled or does not finish in time
     */
    @Override
    public ExportResult export(SilverManifest manifest, StageContext context) {
        requireNonNull(manifest, "manifest is null");
        requireNonNull(context, "context is null");
        settings.requireUrl();
        MageTrigger trigger = triggers.load()
                .orElseThrow(() -> new ChainlineException("No Mage API trigger is stored" + " in " + triggers.file()
                        + ": run `chainline start-mage` first to provision the pipeline"));
        if (!trigger.pipelineUuid().equals(settings.pipeline())) {
            throw new ChainlineException("The stored Mage trigger (" + triggers.file() + ") runs pipeline "
                    + trigger.pipelineUuid() + ", not " + settings.pipeline() + " (chainline.mage.pipeline): run"
                    + " `chainline start-mage` again");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(
                "chainline_manifest_uri",
                store.get().uriOf(SilverManifest.OBJECT_NAME).toString());
        variables.put("chainline_run_id", manifest.runId());
        MageClient mage = client.get();
        MageRun started = mage.trigger(trigger, variables);
        MageRun run = mage.awaitCompletion(started.id(), context.cancellation());
        List<TableExport> tables = new ArrayList<>();
        for (ManifestTable table : manifest.tables()) {
            String block = MagePipelinePlan.exporterUuid(table.name());
            MageBlockRun blockRun = run.block(block)
                    .filter(candidate -> candidate.status() == MageBlockRunStatus.COMPLETED)
                    .orElseThrow(() -> new ChainlineException(run.describe() + " completed without a completed"
                            + " run of block " + block + " for table " + table.name() + ": run `chainline start-mage`"
                            + " again so the pipeline has a block for every table of the manifest"));
            tables.add(new TableExport(
                    table.name(),
                    table.rowCount(),
                    table.rowCount(),
                    blockRun.duration(),
                    settings.bigQuery().tableId(table.name())));
        }
        List<String> notes = new ArrayList<>();
        notes.add(run.describe() + " at " + mage.server() + " completed for silver run " + manifest.runId());
        notes.add("Row counts are the manifest's: each exporter block verifies its BigQuery table's count itself"
                + " and fails the run on a mismatch");
        run.blockRuns().forEach(block -> notes.add("block " + block.describe()));
        log.info(
                "{} loaded {} tables into BigQuery dataset {}",
                run.describe(),
                tables.size(),
                settings.bigQuery().dataset());
        return new ExportResult(
                "mage:" + settings.pipeline() + " -> bigquery:"
                        + settings.bigQuery().tableId("*"),
                tables,
                notes);
    }
}
