package io.chainline.export.mage.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A Mage pipeline run with its block runs.
 *
 * @param id the run's id
 * @param pipelineUuid the pipeline
 * @param scheduleId the trigger that created it
 * @param status its status
 * @param createdAt when it was created, if Mage said
 * @param startedAt when it started, if it did
 * @param completedAt when it ended, if it did
 * @param blockRuns its block runs in creation order; empty in the reply to a trigger
 */
public record MageRun(
        long id,
        String pipelineUuid,
        long scheduleId,
        MageRunStatus status,
        Optional<Instant> createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> completedAt,
        List<MageBlockRun> blockRuns) {

    public MageRun {
        requireNonNull(pipelineUuid, "pipelineUuid is null");
        requireNonNull(status, "status is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(completedAt, "completedAt is null");
        blockRuns = List.copyOf(requireNonNull(blockRuns, "blockRuns is null"));
    }

    /** The block runs whose status is {@code failed}, {@code upstream_failed} or {@code condition_failed}. */
    public List<MageBlockRun> failedBlocks() {
        return blockRuns.stream().filter(block -> block.status().failure()).toList();
    }

    /** The run of the named block, if the run has one. */
    public Optional<MageBlockRun> block(String blockUuid) {
        return blockRuns.stream()
                .filter(block -> block.blockUuid().equals(blockUuid))
                .findFirst();
    }

    /** {@code pipeline run 17 of chainline_export}, for messages. */
    public String describe() {
        return "Mage pipeline run " + id + " of " + pipelineUuid;
    }
}
