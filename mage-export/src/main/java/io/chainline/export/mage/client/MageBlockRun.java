package io.chainline.export.mage.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One block's run within a pipeline run.
 *
 * @param id the block run's id
 * @param blockUuid the block, e.g. {@code chainline_export_fact_order}
 * @param status its status
 * @param startedAt when it started, if it did
 * @param completedAt when it ended, if it did
 * @param errorMessage the error it raised ({@code metrics.error.message}, shortened and redacted), if any
 */
public record MageBlockRun(
        long id,
        String blockUuid,
        MageBlockRunStatus status,
        Optional<Instant> startedAt,
        Optional<Instant> completedAt,
        Optional<String> errorMessage) {

    public MageBlockRun {
        requireNonNull(blockUuid, "blockUuid is null");
        requireNonNull(status, "status is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(completedAt, "completedAt is null");
        requireNonNull(errorMessage, "errorMessage is null");
    }

    /** How long the block ran; zero when it did not start or end. */
    public Duration duration() {
        if (startedAt.isEmpty() || completedAt.isEmpty() || completedAt.get().isBefore(startedAt.get())) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt.get(), completedAt.get());
    }

    /** The block and its status, with the error message when there is one: {@code b (failed: boom)}. */
    public String describe() {
        return blockUuid + " (" + status.wire()
                + errorMessage.map(message -> ": " + message).orElse("") + ")";
    }
}
