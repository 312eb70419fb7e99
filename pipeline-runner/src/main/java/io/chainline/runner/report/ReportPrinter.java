package io.chainline.runner.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageReport;

/** Renders a {@link RunReport} for people: one block per stage with its counts, parts, warnings and error. */
public final class ReportPrinter {
    private static final String RECONCILIATION = "reconciliation.";

    private ReportPrinter() {}

    /** Writes the report line by line to {@code out}. */
    public static void print(RunReport report, Consumer<String> out) {
        out.accept("Run " + report.runId() + " (" + report.command() + "): " + report.status() + " in "
                + seconds(report.duration().toMillis()));
        for (StageReport stage : report.stages()) {
            out.accept("");
            out.accept(stage.stage() + ": " + stage.status()
                    + (stage.startedAt() == null
                            ? ""
                            : " in " + seconds(stage.duration().toMillis())));
            if (stage.error() != null) {
                out.accept("  error: " + stage.error());
                continue;
            }
            double secs = Math.max(stage.duration().toMillis(), 1) / 1000.0;
            out.accept(String.format(
                    Locale.ROOT,
                    "  rows: %,d read, %,d delivered, %,d rejected (%,.0f rows/s)",
                    stage.rowsIn(),
                    stage.rowsOut(),
                    stage.rowsRejected(),
                    stage.rowsIn() / secs));
            if (!stage.parts().isEmpty()) {
                parts(stage).forEach(line -> out.accept("  " + line));
            }
            stage.counters().forEach((name, value) -> out.accept("  " + name + ": " + count(value)));
            stage.outputs().forEach(output -> out.accept("  output: " + output));
            stage.warnings().forEach(warning -> out.accept("  warning: " + warning));
            checks(stage).forEach(line -> out.accept("  " + line));
        }
        if (report.stages().size() > 1) {
            out.accept("");
            out.accept("Summary");
            summary(report).forEach(line -> out.accept("  " + line));
        }
    }

    private static List<String> parts(StageReport stage) {
        boolean timed = stage.parts().stream().anyMatch(part -> !part.duration().isZero());
        List<List<String>> rows = new ArrayList<>();
        rows.add(
                timed
                        ? List.of("PART", "READ", "DELIVERED", "REJECTED", "BYTES", "SECONDS", "NOTE")
                        : List.of("PART", "READ", "DELIVERED", "REJECTED", "NOTE"));
        for (PartReport part : stage.parts()) {
            List<String> row = new ArrayList<>(
                    List.of(part.name(), count(part.rowsIn()), count(part.rowsOut()), count(part.rowsRejected())));
            if (timed) {
                row.add(count(part.bytes()));
                row.add(String.format(Locale.ROOT, "%.1f", part.duration().toMillis() / 1000.0));
            }
            row.add(part.note());
            rows.add(row);
        }
        return TextTable.render(rows);
    }

    /** Every check that did not pass and every reconciliation; a count of the others. */
    private static List<String> checks(StageReport stage) {
        List<String> lines = new ArrayList<>();
        long quietlyPassed = 0;
        for (CheckResult check : stage.checks()) {
            if (check.status() == CheckResult.Status.PASSED && !check.name().startsWith(RECONCILIATION)) {
                quietlyPassed++;
            } else {
                lines.add("check " + check.status() + " " + check.name() + ": " + check.detail());
            }
        }
        if (quietlyPassed > 0) {
            lines.add(0, "checks: " + quietlyPassed + " passed");
        }
        return lines;
    }

    /** One line per stage: every hop's counts and time. */
    private static List<String> summary(RunReport report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("STAGE", "STATUS", "READ", "DELIVERED", "REJECTED", "SECONDS", "CHECKS"));
        for (StageReport stage : report.stages()) {
            long failed = stage.checks().stream()
                    .filter(c -> c.status() == CheckResult.Status.FAILED)
                    .count();
            rows.add(List.of(
                    stage.stage(),
                    stage.status().toString(),
                    count(stage.rowsIn()),
                    count(stage.rowsOut()),
                    count(stage.rowsRejected()),
                    String.format(Locale.ROOT, "%.1f", stage.duration().toMillis() / 1000.0),
                    stage.checks().isEmpty()
                            ? ""
                            : (stage.checks().size() - failed) + "/"
                                    + stage.checks().size() + " ok"));
        }
        return TextTable.render(rows);
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
