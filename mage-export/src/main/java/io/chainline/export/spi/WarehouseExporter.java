package io.chainline.export.spi;

import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.StageContext;

/**
 * Loads one published silver version into a warehouse. Implementations are registered by their mode, a short type
 * name ({@code local}, {@code bigquery}, {@code mage} or an embedding project's own), with
 * {@code ExportModule.addExporter(binder, "mode")}; the export stage uses the one {@code chainline.export.mode} (or
 * the command's {@code --mode}) names.
 *
 * <p>What {@link #export} may assume: the manifest is the published one and its files are readable; every resource
 * it needs (clients, connections) was created by the lifecycle. What it must guarantee: when it returns, every table
 * of the manifest is in the warehouse with the manifest's row count (it verifies that itself), and a failure leaves
 * the warehouse's previous tables readable where the warehouse allows it.
 */
public interface WarehouseExporter {

    /**
     * Exports every table of {@code manifest}.
     *
     * @return one {@link TableExport} per table, in manifest order
     * @throws io.chainline.core.error.ChainlineException naming the table and the reason when a table cannot be
     *         exported or its verified row count differs from the manifest's
     */
    ExportResult export(SilverManifest manifest, StageContext context);
}
