package io.chainline.export.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunState;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageContext;
import io.chainline.core.stage.StageReport;
import io.chainline.core.store.BlobStore;
import io.chainline.export.spi.ExportResult;
import io.chainline.export.spi.TableExport;
import io.chainline.export.spi.WarehouseExporter;

import static java.util.Objects.requireNonNull;

/**
 * {@code gcs-to-bigquery}: loads the published silver version (the store's {@code silver/_manifest.json}) into the
 * warehouse of the chosen exporter. Reports one part per table with its rows and duration, one
 * {@code <table>.rows-verified} check per table, the destination and the exporter's notes as outputs, and leaves the {@link ExportResult}
 * in the run state under {@link #RESULT} for later reconciliation. Re-running replaces the same tables with the
 * same rows.
 */
public final class ExportStage implements Stage {
    /** The run-state key of the export's result. */
    public static final RunState.Key<ExportResult> RESULT = RunState.Key.of("export.result", ExportResult.class);

    private final String mode;
    private final WarehouseExporter exporter;
    private final Supplier<BlobStore> store;

    ExportStage(String mode, WarehouseExporter exporter, Supplier<BlobStore> store) {
        this.mode = requireNonNull(mode, "mode is null");
        this.exporter = requireNonNull(exporter, "exporter is null");
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public String name() {
        return "gcs-to-bigquery";
    }

    @Override
    public String configPath() {
        return "chainline.export";
    }

    /** The mode of the exporter this stage runs. */
    public String mode() {
        return mode;
    }

    @Override
    public StageReport run(StageContext context) {
        requireNonNull(context, "context is null");
        BlobStore blobs = store.get();
        SilverManifest manifest = SilverManifest.read(blobs)
                .orElseThrow(() -> new ChainlineException(
                        "No silver version is published at " + blobs.uriOf(SilverManifest.OBJECT_NAME)
                                + ": run chainline olap-transformation-pipeline first"));
        ExportResult result = exporter.export(manifest, context);
        context.state().put(RESULT, result);
        return report(manifest, result);
    }

    private StageReport report(SilverManifest manifest, ExportResult result) {
        StageReport.Builder report = StageReport.builder(name()).output(result.destination());
        long expected = 0;
        long loaded = 0;
        List<String> unverified = new ArrayList<>();
        for (TableExport table : result.tables()) {
            expected += table.expectedRows();
            loaded += table.loadedRows();
            String detail = String.format(
                    Locale.ROOT, "manifest %d rows, warehouse %d rows", table.expectedRows(), table.loadedRows());
            report.check(
                    table.verified()
                            ? CheckResult.passed(table.table() + ".rows-verified", detail)
                            : CheckResult.failed(table.table() + ".rows-verified", detail));
            report.part(new PartReport(
                    table.table(),
                    table.expectedRows(),
                    table.loadedRows(),
                    0,
                    0,
                    table.duration(),
                    String.format(
                            Locale.ROOT,
                            "%s in %.1f s -> %s",
                            table.verified() ? "verified" : "NOT VERIFIED",
                            table.duration().toMillis() / 1000.0,
                            table.destination())));
            if (!table.verified()) {
                unverified.add(table.table() + " (" + detail + ")");
            }
        }
        List<String> missing = manifest.tables().stream()
                .map(ManifestTable::name)
                .filter(name -> result.tables().stream()
                        .noneMatch(export -> export.table().equals(name)))
                .toList();
        if (!missing.isEmpty() || !unverified.isEmpty()) {
            throw new DataQualityException("The " + mode + " export of silver version " + manifest.runId()
                    + " is incomplete:" + (missing.isEmpty() ? "" : " tables not exported " + missing + ";")
                    + (unverified.isEmpty() ? "" : " row counts differ for " + unverified));
        }
        result.notes().forEach(report::output);
        return report.rowsIn(expected)
                .rowsOut(loaded)
                .counter("tables", result.tables().size())
                .build();
    }
}
