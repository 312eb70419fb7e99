package io.chainline.export.mage.client;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * A Mage pipeline run that did not complete: it failed, was cancelled, or did not reach a terminal status in time.
 * The message names the run and every failed block with its error message.
 */
public class MageRunException extends ChainlineException {
    private static final long serialVersionUID = 1L;

    /** How the run ended. */
    public enum Outcome {
        /** The run's status is {@code failed}. */
        FAILED,
        /** The run's status is {@code cancelled}. */
        CANCELLED,
        /** The run was still not terminal when the timeout passed. */
        TIMED_OUT
    }

    private final transient MageRun run;
    private final Outcome outcome;

    private MageRunException(String message, MageRun run, Outcome outcome) {
        super(message);
        this.run = requireNonNull(run, "run is null");
        this.outcome = requireNonNull(outcome, "outcome is null");
    }

    /** The run that failed or was cancelled. */
    public static MageRunException ended(MageRun run) {
        requireNonNull(run, "run is null");
        Outcome outcome = run.status() == MageRunStatus.CANCELLED ? Outcome.CANCELLED : Outcome.FAILED;
        String what = run.describe() + (outcome == Outcome.CANCELLED ? " was cancelled" : " failed");
        List<MageBlockRun> failed = run.failedBlocks();
        String blocks = failed.isEmpty()
                ? "; no block run reports a failure (see the run's logs in Mage)"
                : "; failed blocks: "
                        + failed.stream().map(MageBlockRun::describe).collect(Collectors.joining(", "));
        return new MageRunException(what + blocks, run, outcome);
    }

    /** The run was not terminal when {@code timeout} passed. */
    public static MageRunException timedOut(MageRun run, Duration timeout) {
        requireNonNull(run, "run is null");
        requireNonNull(timeout, "timeout is null");
        String hint = run.status() == MageRunStatus.INITIAL
                ? " (Mage's scheduler has not started it: is the scheduler running, or does a concurrency limit hold it?)"
                : "";
        return new MageRunException(
                run.describe() + " did not finish within "
                        + timeout.toString().substring(2).toLowerCase(Locale.ROOT) + ": its status is still "
                        + run.status().wire() + hint,
                run,
                Outcome.TIMED_OUT);
    }

    /** The run as last read. */
    public MageRun run() {
        return run;
    }

    /** How it ended. */
    public Outcome outcome() {
        return outcome;
    }
}
