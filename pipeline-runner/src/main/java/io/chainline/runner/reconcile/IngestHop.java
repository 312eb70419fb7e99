package io.chainline.runner.reconcile;

import java.util.Optional;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunState;
import io.chainline.core.stage.StageReport;
import io.chainline.ingest.produce.IngestStage;

/** Rows read by the ingest = rows sent + rows rejected. */
final class IngestHop implements Hop {
    static final String NAME = "reconciliation.ingest";

    @Override
    public Optional<CheckResult> check(RunReport report, RunState state) {
        return report.stage(IngestStage.NAME).filter(StageReport::succeeded).map(ingest -> {
            String detail =
                    "read " + ingest.rowsIn() + " = sent " + ingest.rowsOut() + " + rejected " + ingest.rowsRejected();
            return ingest.rowsIn() == ingest.rowsOut() + ingest.rowsRejected()
                    ? CheckResult.passed(NAME, detail)
                    : CheckResult.failed(
                            NAME,
                            "rows read by " + IngestStage.NAME + " do not add up: " + detail.replace(" = ", " != "));
        });
    }
}
