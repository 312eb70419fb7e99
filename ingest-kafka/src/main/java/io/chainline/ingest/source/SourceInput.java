package io.chainline.ingest.source;

import java.util.List;

/**
 * One resumable unit of input: a file, a table or query, a generator run. Its {@link #key()} identifies it across
 * runs and processes, so that the position committed with the last Kafka transaction can be found again.
 */
public interface SourceInput {

    /**
     * A stable identity for positions, e.g. {@code csv:sha256:ab12…} (a file by its content, so a renamed copy
     * is the same input), {@code jdbc:orders} or {@code generator:seed=42:rows=1000}. At most 200 characters; no
     * secrets.
     */
    String key();

    /**
     * Keys this input had in earlier versions, newest first; a position found under one of them (and none under
     * {@link #key()}) is taken over. None by default.
     */
    default List<String> formerKeys() {
        return List.of();
    }

    /** A position of this input as people read it in reports; the position itself by default. */
    default String describePosition(String position) {
        return position;
    }

    /** What people see in reports and Kafka headers, e.g. the file path; no secrets. */
    String description();

    /** Whether reaching the end means the input is done for good (a file), rather than for now (a table). */
    boolean finite();

    /**
     * Opens a reader that resumes right after {@code committedPosition}.
     *
     * @param committedPosition a position a {@link SourceRow} of this input returned, or null to start at the beginning
     * @throws io.chainline.core.error.DataQualityException when the whole input is unusable, e.g. a CSV header
     *     that lacks required columns (the message lists them)
     */
    SourceReader open(String committedPosition);
}
