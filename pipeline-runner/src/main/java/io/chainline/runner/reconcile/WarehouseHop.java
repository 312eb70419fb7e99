package io.chainline.runner.reconcile;

import java.util.List;
import java.util.Optional;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunState;
import io.chainline.export.spi.ExportResult;
import io.chainline.export.spi.TableExport;
import io.chainline.export.stage.ExportStage;

/** Rows of every table in the warehouse = rows of that table in the manifest. */
final class WarehouseHop implements Hop {
    static final String NAME = "reconciliation.warehouse";

    @Override
    public Optional<CheckResult> check(RunReport report, RunState state) {
        return state.get(ExportStage.RESULT).map(WarehouseHop::compare);
    }

    private static CheckResult compare(ExportResult result) {
        List<TableExport> off =
                result.tables().stream().filter(table -> !table.verified()).toList();
        long expected =
                result.tables().stream().mapToLong(TableExport::expectedRows).sum();
        long loaded =
                result.tables().stream().mapToLong(TableExport::loadedRows).sum();
        String where = "in " + result.tables().size() + " tables of " + result.destination();
        if (off.isEmpty()) {
            return Counts.compare(NAME, "manifest rows", expected, "warehouse rows", loaded, where);
        }
        return CheckResult.failed(
                NAME,
                off.size() + " tables differ from the manifest in " + result.destination()
                        + ": "
                        + String.join(
                                ", ",
                                off.stream()
                                        .map(table -> table.table() + " manifest " + table.expectedRows()
                                                + " != warehouse " + table.loadedRows())
                                        .toList()));
    }
}
