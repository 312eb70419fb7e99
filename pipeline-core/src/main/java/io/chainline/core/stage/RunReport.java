package io.chainline.core.stage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.chainline.core.error.ErrorKind;

import static java.util.Objects.requireNonNull;

/**
 * What a whole run did: every stage's report in order and the overall status. Serialisable with Jackson; this is
 * what {@code --json} prints and what {@code reports/run-<id>.json} holds.
 *
 * @param runId the run's id
 * @param command the command or chain name that ran
 * @param status how the run ended
 * @param startedAt when it started
 * @param duration how long it took
 * @param stages every stage's report, in chain order, skipped ones included
 */
public record RunReport(
        String runId,
        String command,
        RunStatus status,
        Instant startedAt,
        Duration duration,
        List<StageReport> stages) {

    public RunReport {
        requireNonNull(runId, "runId is null");
        requireNonNull(command, "command is null");
        requireNonNull(status, "status is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(duration, "duration is null");
        stages = List.copyOf(stages);
    }

    /** Whether every stage succeeded. */
    public boolean succeeded() {
        return status == RunStatus.SUCCEEDED;
    }

    /** The first failed stage, if any. */
    public Optional<StageReport> failure() {
        return stages.stream()
                .filter(report -> report.status() == StageStatus.FAILED)
                .findFirst();
    }

    /** The kind of the first failure, if any stage failed. */
    public Optional<ErrorKind> failureKind() {
        return failure().map(StageReport::errorKind);
    }

    /** The report of the named stage, if it is part of this run. */
    public Optional<StageReport> stage(String name) {
        return stages.stream().filter(report -> report.stage().equals(name)).findFirst();
    }
}
