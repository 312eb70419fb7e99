package io.chainline.core.stage;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * What a stage did for one part of its work: one input file or table of an ingest, one sink, one built or exported
 * table.
 *
 * @param name the part, e.g. the file path or table name
 * @param rowsIn rows read from it
 * @param rowsOut rows delivered
 * @param rowsRejected rows rejected with a reason
 * @param bytes bytes written for it, 0 when not measured
 * @param duration how long it took, {@link Duration#ZERO} when not measured
 * @param note what else to know, e.g. "already ingested completely on 2026-11-25T12:00:00Z"; may be empty
 */
public record PartReport(
        String name, long rowsIn, long rowsOut, long rowsRejected, long bytes, Duration duration, String note) {

    public PartReport {
        requireNonNull(name, "name is null");
        duration = duration == null ? Duration.ZERO : duration;
        note = note == null ? "" : note;
    }

    /** A part without bytes or timing. */
    public PartReport(String name, long rowsIn, long rowsOut, long rowsRejected, String note) {
        this(name, rowsIn, rowsOut, rowsRejected, 0, Duration.ZERO, note);
    }
}
