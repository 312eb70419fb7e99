package io.chainline.core.stage;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one stage: tells the progress listener, times it, turns a thrown failure into a failed report, logs it. */
final class StageExecution {
    private static final Logger log = LoggerFactory.getLogger(StageChain.class);

    private StageExecution() {}

    static StageReport run(Stage stage, StageContext context) {
        Instant started = context.clock().instant();
        context.progress().stageStarted(stage.name());
        StageReport report;
        try {
            StageReport returned = stage.run(context);
            if (returned == null) {
                throw new IllegalStateException("stage '" + stage.name() + "' returned no report");
            }
            report = returned.withTiming(
                    started, Duration.between(started, context.clock().instant()));
            log.info(
                    "Stage {} succeeded in {} ms: {} rows in, {} out, {} rejected",
                    stage.name(),
                    report.duration().toMillis(),
                    report.rowsIn(),
                    report.rowsOut(),
                    report.rowsRejected());
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a class that fails to initialise (a library version conflict on the host's class path)
            // fails this stage with its root cause instead of escaping the chain without a report.
            report = StageReport.failed(
                    stage.name(),
                    started,
                    Duration.between(started, context.clock().instant()),
                    e);
            log.error("Stage {} failed: {}", stage.name(), report.error(), e);
        }
        context.progress().stageFinished(report);
        return report;
    }
}
