package io.chainline.sinks.consume;

import java.util.Locale;

import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.StageReport;
import io.chainline.sinks.SinksSettings;
import io.chainline.sinks.spi.SinkStats;

/** The counts of one consume run and the report made of them. Used from the consumer thread only. */
final class ConsumeCounts {
    /** Records consumed, poison ones included. */
    long consumed;

    /** Poison records sent to the dead-letter topic. */
    long poison;

    /** The stage's report: the counts, one part per sink with its own stats, and the sinks' retries. */
    StageReport report(String stage, SinkFanOut sinks, SinksSettings settings) {
        StageReport.Builder report = StageReport.builder(stage)
                .rowsIn(consumed)
                .rowsOut(consumed - poison)
                .rowsRejected(poison)
                .counter("dlq", poison);
        if (sinks.retries() > 0) {
            report.counter("retries", sinks.retries());
        }
        long bytes = 0;
        for (int i = 0; i < sinks.sinks().size(); i++) {
            SinkStats stats = sinks.sinks().get(i).stats();
            bytes += stats.bytes();
            report.part(new PartReport(
                    sinks.names().get(i),
                    consumed - poison,
                    stats.rows(),
                    0,
                    String.format(
                            Locale.ROOT,
                            "%d already stored, %d files, %d bytes, %.1f s busy",
                            stats.skipped(),
                            stats.files(),
                            stats.bytes(),
                            stats.busyNanos() / 1e9)));
        }
        if (poison > 0) {
            report.warning(poison + " poison messages sent to " + settings.dlqTopic());
        }
        return report.bytes(bytes)
                .output(settings.topic() + " -> " + String.join(", ", sinks.names()))
                .build();
    }
}
