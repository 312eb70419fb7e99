package io.chainline.runner.reconcile;

import java.util.Optional;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunState;
import io.chainline.olap.OlapRunStages;
import io.chainline.olap.build.FactOrderBuilder;
import io.chainline.olap.stage.OlapResult;

/**
 * Rows written to {@code fact_order} = distinct order items conformed. Silver is rebuilt from all raw files, not only
 * this run's, so this hop is checked against the order items of every raw file.
 */
final class SilverHop implements Hop {
    static final String NAME = "reconciliation.silver";

    @Override
    public Optional<CheckResult> check(RunReport report, RunState state) {
        return state.get(OlapResult.KEY).map(result -> {
            long written = report.stage(OlapRunStages.OLAP_STAGE).stream()
                    .flatMap(stage -> stage.parts().stream())
                    .filter(part -> part.name().equals(FactOrderBuilder.NAME))
                    .mapToLong(PartReport::rowsOut)
                    .sum();
            return Counts.compare(
                    NAME,
                    "distinct order items conformed",
                    result.distinctOrderItems(),
                    FactOrderBuilder.NAME + " rows",
                    written,
                    "in silver build " + result.runId() + " (built from every raw file)");
        });
    }
}
