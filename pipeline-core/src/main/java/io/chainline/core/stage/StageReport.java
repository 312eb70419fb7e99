package io.chainline.core.stage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chainline.core.error.ErrorKind;
import io.chainline.core.error.FailureDescription;

import static java.util.Objects.requireNonNull;

/**
 * What one stage did. Serialisable with Jackson; the runner prints it and writes it into the run report.
 *
 * @param stage the stage's name
 * @param status how it ended
 * @param startedAt when it started (null for a skipped stage)
 * @param duration how long it ran
 * @param rowsIn rows read
 * @param rowsOut rows delivered
 * @param rowsRejected rows rejected with a reason (dead letters, rejects files)
 * @param bytes bytes written
 * @param outputs what it produced: URIs, table names, topics
 * @param checks data-quality and reconciliation checks it ran
 * @param warnings things a user should know that did not fail the stage
 * @param counters further named counts, e.g. {@code files} or {@code dlq}
 * @param parts the same counts per part of the work, e.g. per input file or per table
 * @param error the failure message, for a failed stage
 * @param errorKind what kind of failure {@code error} is ({@code config}, {@code retriable}, {@code data-quality},
 *     {@code error}, {@code internal}), for a failed stage; null otherwise
 */
public record StageReport(
        String stage,
        StageStatus status,
        Instant startedAt,
        Duration duration,
        long rowsIn,
        long rowsOut,
        long rowsRejected,
        long bytes,
        List<String> outputs,
        List<CheckResult> checks,
        List<String> warnings,
        Map<String, Long> counters,
        List<PartReport> parts,
        String error,
        ErrorKind errorKind) {

    public StageReport {
        requireNonNull(stage, "stage is null");
        requireNonNull(status, "status is null");
        duration = duration == null ? Duration.ZERO : duration;
        outputs = List.copyOf(outputs == null ? List.of() : outputs);
        checks = List.copyOf(checks == null ? List.of() : checks);
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        counters = counters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(counters));
        parts = List.copyOf(parts == null ? List.of() : parts);
    }

    /** Starts a report for a stage that succeeded; the chain adds the timing. */
    public static Builder builder(String stage) {
        return new Builder(stage);
    }

    /** The report of a stage that threw {@code failure}: its description and kind. */
    public static StageReport failed(String stage, Instant startedAt, Duration duration, Throwable failure) {
        requireNonNull(failure, "failure is null");
        return failed(stage, startedAt, duration, FailureDescription.of(failure), ErrorKind.of(failure));
    }

    /** The report of a stage that failed with {@code error}, a failure of kind {@code kind}. */
    public static StageReport failed(String stage, Instant startedAt, Duration duration, String error, ErrorKind kind) {
        return new StageReport(
                stage,
                StageStatus.FAILED,
                startedAt,
                duration,
                0,
                0,
                0,
                0,
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                List.of(),
                error,
                requireNonNull(kind, "kind is null"));
    }

    /** The report of a stage that did not run. */
    public static StageReport skipped(String stage, String why) {
        return new StageReport(
                stage,
                StageStatus.SKIPPED,
                null,
                Duration.ZERO,
                0,
                0,
                0,
                0,
                List.of(),
                List.of(),
                List.of(why),
                Map.of(),
                List.of(),
                null,
                null);
    }

    /** This report with the timing measured by whoever ran the stage. */
    public StageReport withTiming(Instant started, Duration took) {
        return new StageReport(
                stage,
                status,
                started,
                took,
                rowsIn,
                rowsOut,
                rowsRejected,
                bytes,
                outputs,
                checks,
                warnings,
                counters,
                parts,
                error,
                errorKind);
    }

    /**
     * This report's counts, checks and parts, marked failed with {@code why} (e.g. a check that did not pass), a
     * data-quality failure.
     */
    public StageReport failedWith(String why) {
        return new StageReport(
                stage,
                StageStatus.FAILED,
                startedAt,
                duration,
                rowsIn,
                rowsOut,
                rowsRejected,
                bytes,
                outputs,
                checks,
                warnings,
                counters,
                parts,
                requireNonNull(why, "why is null"),
                ErrorKind.DATA_QUALITY);
    }

    /** Whether the stage succeeded. */
    public boolean succeeded() {
        return status == StageStatus.SUCCEEDED;
    }

    /** Builds the report of a successful stage. */
    public static final class Builder {
        private final String stage;
        private long rowsIn;
        private long rowsOut;
        private long rowsRejected;
        private long bytes;
        private final List<String> outputs = new ArrayList<>();
        private final List<CheckResult> checks = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, Long> counters = new LinkedHashMap<>();
        private final List<PartReport> parts = new ArrayList<>();

        private Builder(String stage) {
            this.stage = requireNonNull(stage, "stage is null");
        }

        public Builder rowsIn(long value) {
            this.rowsIn = value;
            return this;
        }

        public Builder rowsOut(long value) {
            this.rowsOut = value;
            return this;
        }

        public Builder rowsRejected(long value) {
            this.rowsRejected = value;
            return this;
        }

        public Builder bytes(long value) {
            this.bytes = value;
            return this;
        }

        public Builder output(String value) {
            outputs.add(requireNonNull(value, "value is null"));
            return this;
        }

        public Builder check(CheckResult value) {
            checks.add(requireNonNull(value, "value is null"));
            return this;
        }

        public Builder warning(String value) {
            warnings.add(requireNonNull(value, "value is null"));
            return this;
        }

        public Builder counter(String name, long value) {
            counters.put(requireNonNull(name, "name is null"), value);
            return this;
        }

        public Builder part(PartReport value) {
            parts.add(requireNonNull(value, "value is null"));
            return this;
        }

        /** The report; status {@link StageStatus#SUCCEEDED}. */
        public StageReport build() {
            return new StageReport(
                    stage,
                    StageStatus.SUCCEEDED,
                    null,
                    Duration.ZERO,
                    rowsIn,
                    rowsOut,
                    rowsRejected,
                    bytes,
                    outputs,
                    checks,
                    warnings,
                    counters,
                    parts,
                    null,
                    null);
        }
    }
}
