package io.chainline.runner.state;

import java.time.Duration;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.retention}: how much of {@code <state-dir>/runs/} and {@code <state-dir>/reports/} to keep.
 *
 * @param runs the folders of services started for one command
 * @param reports the run reports
 */
public record RetentionSettings(Retention runs, Retention reports) {

    public RetentionSettings {
        requireNonNull(runs, "runs is null");
        requireNonNull(reports, "reports is null");
    }

    /**
     * How much of one folder to keep: an entry goes when it is not among the {@code keep} newest or is older than
     * {@code maxAge}.
     *
     * @param keep the most entries kept, at least 1
     * @param maxAge the age past which an entry goes, positive
     */
    public record Retention(int keep, Duration maxAge) {
        public Retention {
            if (keep < 1) {
                throw new IllegalArgumentException("keep must be >= 1, was " + keep);
            }
            requireNonNull(maxAge, "maxAge is null");
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
            }
        }
    }

    /** Reads {@code chainline.retention.runs} and {@code .reports}, reporting every invalid value together. */
    public static RetentionSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, "chainline.retention");
        int keepRuns = read.intAtLeast("runs.keep", 1);
        Duration runsMaxAge = read.duration("runs.max-age", Duration.ofSeconds(1));
        int keepReports = read.intAtLeast("reports.keep", 1);
        Duration reportsMaxAge = read.duration("reports.max-age", Duration.ofSeconds(1));
        read.throwIfInvalid();
        return new RetentionSettings(new Retention(keepRuns, runsMaxAge), new Retention(keepReports, reportsMaxAge));
    }
}
