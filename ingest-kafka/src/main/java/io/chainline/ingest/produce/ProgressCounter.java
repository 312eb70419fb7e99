package io.chainline.ingest.produce;

import io.chainline.core.stage.StageContext;

/** Rows read over all inputs of a run, reported to the progress listener as they grow. */
final class ProgressCounter {
    private final long expected;
    private long done;

    ProgressCounter(long expected) {
        this.expected = expected;
    }

    void add(StageContext context, long rows) {
        done += rows;
        context.reportProgress(done, expected, "rows");
    }
}
