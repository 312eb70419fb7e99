package io.chainline.export.mage.client;

import java.util.Locale;

/** The status of one block run within a Mage pipeline run. */
public enum MageBlockRunStatus {
    /** Not started. */
    INITIAL,
    /** Waiting for an executor. */
    QUEUED,
    /** Running. */
    RUNNING,
    /** Finished successfully. */
    COMPLETED,
    /** Raised an error. */
    FAILED,
    /** Cancelled with its run. */
    CANCELLED,
    /** Not run because a block upstream failed. */
    UPSTREAM_FAILED,
    /** Not run because a conditional block said no. */
    CONDITION_FAILED,
    /** A status this client does not know. */
    UNKNOWN;

    /** Whether this status counts as a failure of the block ({@code failed}, {@code upstream_failed}, {@code condition_failed}). */
    public boolean failure() {
        return this == FAILED || this == UPSTREAM_FAILED || this == CONDITION_FAILED;
    }

    /** The status Mage writes as {@code text}; {@link #UNKNOWN} for anything else. */
    public static MageBlockRunStatus of(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        for (MageBlockRunStatus status : values()) {
            if (status != UNKNOWN && status.wire().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return status;
            }
        }
        return UNKNOWN;
    }

    /** The status as Mage writes it, e.g. {@code upstream_failed}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
