package io.chainline.runner.reconcile;

import java.util.Optional;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunState;
import io.chainline.sinks.consume.ConsumeStage;

/**
 * One reconciliation equality between two hops of a run, e.g. "rows sent = bronze rows". A hop that did not take part
 * in the run (no ingest, no export) is not checked.
 */
interface Hop {

    /**
     * Checks the equality on what the run reported and left in its state.
     *
     * @return the result, named {@code reconciliation.<hop>}, or empty when the run did not include this hop
     */
    Optional<CheckResult> check(RunReport report, RunState state);

    /** Whether the run's consume stage wrote to the sink registered as {@code sink} (it reports a part per sink). */
    static boolean consumedInto(RunReport report, String sink) {
        return report.stage(ConsumeStage.NAME)
                .map(consume ->
                        consume.parts().stream().anyMatch(part -> part.name().equals(sink)))
                .orElse(false);
    }
}
