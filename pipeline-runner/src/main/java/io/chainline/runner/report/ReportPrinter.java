package io.chainline.runner.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageReport;

/** Renders a {@link RunReport} for people: one block per stage with its counts, parts, warnings and error. */
public final class ReportPrinter {

    private ReportPrinter() {
    }

    /** Writes the report line by line to {@code out}. */
    public static void print(RunReport report, Consumer<String> out) {
        out.accept("Run " + report.runId() + " (" + report.command() + "): " + report.status()
                + " in " + seconds(report.duration().toMillis()));
        for (StageReport stage : report.stages()) {
            out.accept("");
            out.accept(stage.stage() + ": " + stage.status() + (stage.startedAt() == null ? ""
                    : " in " + seconds(stage.duration().toMillis())));
            if (stage.error() != null) {
                out.accept("  error: " + stage.error());
                continue;
            }
            double secs = Math.max(stage.duration().toMillis(), 1) / 1000.0;
            out.accept(String.format(Locale.ROOT, "  rows: %,d read, %,d delivered, %,d rejected (%,.0f rows/s)",
                    stage.rowsIn(), stage.rowsOut(), stage.rowsRejected(), stage.rowsIn() / secs));
            if (!stage.parts().isEmpty()) {
                List<List<String>> rows = new ArrayList<>();
                rows.add(List.of("PART", "READ", "DELIVERED", "REJECTED", "NOTE"));
                for (PartReport part : stage.parts()) {
                    rows.add(List.of(part.name(), count(part.rowsIn()), count(part.rowsOut()),
                            count(part.rowsRejected()), part.note()));
                }
                TextTable.render(rows).forEach(line -> out.accept("  " + line));
            }
            stage.counters().forEach((name, value) -> out.accept("  " + name + ": " + count(value)));
            stage.outputs().forEach(output -> out.accept("  output: " + output));
            stage.warnings().forEach(warning -> out.accept("  warning: " + warning));
        }
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
