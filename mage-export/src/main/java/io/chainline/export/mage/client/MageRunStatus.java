package io.chainline.export.mage.client;

import java.util.Locale;

/** The status of a Mage pipeline run; {@code completed}, {@code failed} and {@code cancelled} are terminal. */
public enum MageRunStatus {
    /** Created, waiting for the scheduler (a run can stay here while the scheduler is stopped). */
    INITIAL,
    /** Blocks are running. */
    RUNNING,
    /** Every block completed. */
    COMPLETED,
    /** A block failed, or the trigger's timeout ended the run as failed. */
    FAILED,
    /** Cancelled by a user, a timeout or {@code skip_if_previous_running}. */
    CANCELLED,
    /** A status this client does not know; treated as still running. */
    UNKNOWN;

    /** Whether the run has ended. */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** The status Mage writes as {@code text}; {@link #UNKNOWN} for anything else. */
    public static MageRunStatus of(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        for (MageRunStatus status : values()) {
            if (status != UNKNOWN && status.wire().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return status;
            }
        }
        return UNKNOWN;
    }

    /** The status as Mage writes it, e.g. {@code initial}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
