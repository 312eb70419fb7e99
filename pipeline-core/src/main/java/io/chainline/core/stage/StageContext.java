package io.chainline.core.stage;

import java.time.Clock;

import com.typesafe.config.Config;

import static java.util.Objects.requireNonNull;

/**
 * What a running stage is given besides its injected resources.
 *
 * @param stage the stage's name
 * @param runId the id of the run, the same for every stage of it
 * @param config the stage's configuration subtree ({@link Stage#configPath()})
 * @param clock the clock to read time from (tests pass a fixed one)
 * @param progress where to report progress
 * @param cancellation set when the run should stop
 * @param state values handed from stage to stage within the run
 */
public record StageContext(
        String stage,
        String runId,
        Config config,
        Clock clock,
        ProgressListener progress,
        Cancellation cancellation,
        RunState state) {

    public StageContext {
        requireNonNull(stage, "stage is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(config, "config is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(progress, "progress is null");
        requireNonNull(cancellation, "cancellation is null");
        requireNonNull(state, "state is null");
    }

    /** Reports progress of this stage; see {@link ProgressListener#progress}. */
    public void reportProgress(long done, long total, String unit) {
        progress.progress(stage, done, total, unit);
    }
}
