package io.chainline.core.stage;

import static java.util.Objects.requireNonNull;

/**
 * What a stage did for one part of its work: one input file or table of an ingest, one sink, one exported table.
 *
 * @param name the part, e.g. the file path or table name
 * @param rowsIn rows read from it
 * @param rowsOut rows delivered
 * @param rowsRejected rows rejected with a reason
 * @param note what else to know, e.g. "already ingested completely on 2026-11-25T12:00:00Z"; may be empty
 */
public record PartReport(String name, long rowsIn, long rowsOut, long rowsRejected, String note) {

    public PartReport {
        requireNonNull(name, "name is null");
        note = note == null ? "" : note;
    }
}
