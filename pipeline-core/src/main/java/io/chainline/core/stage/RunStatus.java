package io.chainline.core.stage;

/** How a run ended. */
public enum RunStatus {
    /** Every stage succeeded. */
    SUCCEEDED,
    /** A stage failed; later stages were skipped. */
    FAILED,
    /** The run was asked to stop before it finished. */
    CANCELLED
}
