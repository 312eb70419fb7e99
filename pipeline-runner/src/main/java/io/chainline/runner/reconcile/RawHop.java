package io.chainline.runner.reconcile;

import java.util.Optional;
import java.util.function.Supplier;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunState;
import io.chainline.ingest.produce.IngestStage;
import io.chainline.sinks.raw.BlobRawSink;
import io.chainline.sinks.raw.RawRecordCounter;

import static java.util.Objects.requireNonNull;

/**
 * Rows this run sent = raw records at the Kafka coordinates this run produced; checked when the run consumed into the
 * {@code raw} sink.
 */
final class RawHop implements Hop {
    static final String NAME = "reconciliation.raw";

    private final Supplier<RawRecordCounter> counter;

    RawHop(Supplier<RawRecordCounter> counter) {
        this.counter = requireNonNull(counter, "counter is null");
    }

    @Override
    public Optional<CheckResult> check(RunReport report, RunState state) {
        if (!Hop.consumedInto(report, BlobRawSink.TYPE)) {
            return Optional.empty();
        }
        return state.get(IngestStage.PRODUCED)
                .map(produced -> Counts.compare(
                        NAME,
                        "sent",
                        produced.records(),
                        "raw records",
                        counter.get().count(produced),
                        Counts.atOffsets(produced)));
    }
}
