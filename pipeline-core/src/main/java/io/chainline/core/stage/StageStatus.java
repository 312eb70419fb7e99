package io.chainline.core.stage;

/** How a stage ended. */
public enum StageStatus {
    /** The stage did all its work. */
    SUCCEEDED,
    /** The stage threw; its report carries the error. */
    FAILED,
    /** The stage did not run because an earlier stage failed or the run was cancelled. */
    SKIPPED
}
