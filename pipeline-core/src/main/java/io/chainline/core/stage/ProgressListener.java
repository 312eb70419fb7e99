package io.chainline.core.stage;

/**
 * Receives progress from running stages; the runner draws progress bars with it, tests record it. Implementations
 * must be thread-safe (stages of a parallel group report concurrently) and fast (they are called on hot paths).
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {};

    /** The stage is about to run. */
    default void stageStarted(String stage) {}

    /**
     * The stage has processed {@code done} units out of {@code total}.
     *
     * @param total the expected total, or -1 when unknown (a stream drained until caught up)
     * @param unit what is counted, e.g. {@code rows} or {@code bytes}
     */
    default void progress(String stage, long done, long total, String unit) {}

    /** The stage has finished, successfully or not. */
    default void stageFinished(StageReport report) {}
}
