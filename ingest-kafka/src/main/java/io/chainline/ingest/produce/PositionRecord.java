package io.chainline.ingest.produce;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * How far one input has been sent, as committed in the positions topic together with the rows it covers.
 *
 * @param key the input's key ({@link io.chainline.ingest.source.SourceInput#key()})
 * @param description the input as people know it
 * @param position the position of the last row committed, or null when none was
 * @param complete whether a finite input was sent to its end
 * @param rowsRead rows read from the input over all runs
 * @param rowsSent rows sent to the topic over all runs
 * @param rowsRejected rows sent to the dead-letter topic over all runs
 * @param runId the run that committed this position
 * @param committedAt when
 */
public record PositionRecord(
        String key,
        String description,
        String position,
        boolean complete,
        long rowsRead,
        long rowsSent,
        long rowsRejected,
        String runId,
        Instant committedAt) {

    public PositionRecord {
        requireNonNull(key, "key is null");
        requireNonNull(description, "description is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(committedAt, "committedAt is null");
    }
}
