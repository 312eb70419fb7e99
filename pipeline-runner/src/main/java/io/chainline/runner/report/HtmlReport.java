package io.chainline.runner.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageReport;

import static java.util.Objects.requireNonNull;

/**
 * A {@link RunReport} as one self-contained HTML page: inline CSS and inline SVG charts, no script and nothing
 * loaded from elsewhere, so it opens offline. Sections: the stages (rows and timings as bar charts), the parts of
 * each stage (e.g. the star-schema tables with rows, bytes and seconds), the checks, the rejects with their reasons
 * and the reconciliation (checks named {@code reconciliation.*}). Every text is redacted and escaped.
 */
public final class HtmlReport {
    /** Checks whose name starts with this prefix form the reconciliation section. */
    public static final String RECONCILIATION_PREFIX = "reconciliation.";

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em;color:#222}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:.5em 0}th,td{padding:.25em .75em;border-bottom:1px solid #eee;\
            text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .SUCCEEDED,.PASSED{color:#1a7f37}.FAILED{color:#cf222e}.WARNED,.SKIPPED,.CANCELLED{color:#9a6700}
            .chart rect{fill:#4a7fb5}.chart text{font-size:12px;fill:#222}.muted{color:#777}
            """;

    private HtmlReport() {}

    /** The page for the report. */
    public static String render(RunReport report) {
        requireNonNull(report, "report is null");
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<title>Chainline run ")
                .append(HtmlText.of(report.runId()))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>\n");
        html.append("<h1>Chainline run ")
                .append(HtmlText.of(report.runId()))
                .append("</h1>\n<p>Command <b>")
                .append(HtmlText.of(report.command()))
                .append("</b>: <span class=\"")
                .append(report.status())
                .append("\">")
                .append(report.status())
                .append("</span>, started ")
                .append(HtmlText.of(report.startedAt().toString()))
                .append(", took ")
                .append(seconds(report.duration().toMillis()))
                .append(".</p>\n");
        stages(report, html);
        parts(report, html);
        checks(
                "Checks",
                "check",
                report.stages().stream()
                        .flatMap(s -> s.checks().stream())
                        .filter(c -> !c.name().startsWith(RECONCILIATION_PREFIX))
                        .toList(),
                html);
        rejects(report, html);
        checks(
                "Reconciliation",
                "reconciliation",
                report.stages().stream()
                        .flatMap(s -> s.checks().stream())
                        .filter(c -> c.name().startsWith(RECONCILIATION_PREFIX))
                        .toList(),
                html);
        return html.append("</body></html>\n").toString();
    }

    private static void stages(RunReport report, StringBuilder html) {
        html.append("<h2 id=\"stages\">Stages</h2>\n<table><tr><th>Stage</th><th>Status</th><th>Rows in</th>")
                .append("<th>Rows out</th><th>Rejected</th><th>Bytes</th><th>Seconds</th><th>Rows/s</th>")
                .append("<th>Error or outputs</th></tr>\n");
        List<SvgBarChart.Bar> times = new ArrayList<>();
        List<SvgBarChart.Bar> rows = new ArrayList<>();
        for (StageReport stage : report.stages()) {
            double secs = stage.duration().toMillis() / 1000.0;
            html.append("<tr><td>")
                    .append(HtmlText.of(stage.stage()))
                    .append("</td><td class=\"")
                    .append(stage.status())
                    .append("\">")
                    .append(stage.status())
                    .append("</td>")
                    .append(number(stage.rowsIn()))
                    .append(number(stage.rowsOut()))
                    .append(number(stage.rowsRejected()))
                    .append(number(stage.bytes()))
                    .append("<td class=\"n\">")
                    .append(decimal(secs))
                    .append("</td>")
                    .append("<td class=\"n\">")
                    .append(count(Math.round(stage.rowsIn() / Math.max(secs, 0.001))))
                    .append("</td><td>")
                    .append(
                            stage.error() != null
                                    ? HtmlText.of(stage.error())
                                    : HtmlText.of(String.join(", ", stage.outputs())))
                    .append("</td></tr>\n");
            times.add(new SvgBarChart.Bar(stage.stage(), secs));
            rows.add(new SvgBarChart.Bar(stage.stage(), Math.max(stage.rowsIn(), stage.rowsOut())));
        }
        html.append("</table>\n<h3>Time per stage</h3>\n")
                .append(SvgBarChart.render("seconds per stage", times, v -> decimal(v) + " s"))
                .append("\n<h3>Rows per stage</h3>\n")
                .append(SvgBarChart.render("rows per stage", rows, v -> count(Math.round(v)) + " rows"))
                .append('\n');
    }

    private static void parts(RunReport report, StringBuilder html) {
        for (StageReport stage : report.stages()) {
            if (stage.parts().isEmpty()) {
                continue;
            }
            html.append("<h2>Parts of ")
                    .append(HtmlText.of(stage.stage()))
                    .append("</h2>\n<table><tr>")
                    .append("<th>Part</th><th>Rows in</th><th>Rows out</th><th>Rejected</th><th>Bytes</th>")
                    .append("<th>Seconds</th><th>Note</th></tr>\n");
            List<SvgBarChart.Bar> bars = new ArrayList<>();
            for (PartReport part : stage.parts()) {
                html.append("<tr><td>")
                        .append(HtmlText.of(part.name()))
                        .append("</td>")
                        .append(number(part.rowsIn()))
                        .append(number(part.rowsOut()))
                        .append(number(part.rowsRejected()))
                        .append(number(part.bytes()))
                        .append("<td class=\"n\">")
                        .append(decimal(part.duration().toMillis() / 1000.0))
                        .append("</td><td>")
                        .append(HtmlText.of(part.note()))
                        .append("</td></tr>\n");
                bars.add(new SvgBarChart.Bar(part.name(), Math.max(part.rowsIn(), part.rowsOut())));
            }
            html.append("</table>\n")
                    .append(SvgBarChart.render(
                            "rows per part of " + stage.stage(), bars, v -> count(Math.round(v)) + " rows"))
                    .append('\n');
        }
    }

    private static void checks(String title, String id, List<CheckResult> checks, StringBuilder html) {
        html.append("<h2 id=\"").append(id).append("\">").append(title).append("</h2>\n");
        if (checks.isEmpty()) {
            html.append("<p class=\"muted\">None in this run.</p>\n");
            return;
        }
        long passed = checks.stream()
                .filter(c -> c.status() == CheckResult.Status.PASSED)
                .count();
        long warned = checks.stream()
                .filter(c -> c.status() == CheckResult.Status.WARNED)
                .count();
        long failed = checks.stream()
                .filter(c -> c.status() == CheckResult.Status.FAILED)
                .count();
        html.append("<p>")
                .append(passed)
                .append(" passed, ")
                .append(warned)
                .append(" warned, ")
                .append(failed)
                .append(" failed.</p>\n<table><tr><th>")
                .append(title)
                .append("</th><th>Result</th><th>Detail</th></tr>\n");
        for (CheckResult check : checks) {
            html.append("<tr><td>")
                    .append(HtmlText.of(check.name()))
                    .append("</td><td class=\"")
                    .append(check.status())
                    .append("\">")
                    .append(label(check.status()))
                    .append("</td><td>")
                    .append(HtmlText.of(check.detail()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void rejects(RunReport report, StringBuilder html) {
        html.append("<h2 id=\"rejects\">Rejects and warnings</h2>\n");
        boolean any = false;
        for (StageReport stage : report.stages()) {
            if (stage.rowsRejected() == 0
                    && stage.warnings().isEmpty()
                    && stage.counters().isEmpty()) {
                continue;
            }
            any = true;
            html.append("<h3>")
                    .append(HtmlText.of(stage.stage()))
                    .append(": ")
                    .append(count(stage.rowsRejected()))
                    .append(" rows rejected</h3>\n");
            if (!stage.counters().isEmpty()) {
                html.append("<table><tr><th>Counter</th><th>Value</th></tr>\n");
                stage.counters()
                        .forEach((name, value) -> html.append("<tr><td>")
                                .append(HtmlText.of(name))
                                .append("</td>")
                                .append(number(value))
                                .append("</tr>\n"));
                html.append("</table>\n");
            }
            if (!stage.warnings().isEmpty()) {
                html.append("<ul>\n");
                stage.warnings()
                        .forEach(w -> html.append("<li>").append(HtmlText.of(w)).append("</li>\n"));
                html.append("</ul>\n");
            }
        }
        if (!any) {
            html.append("<p class=\"muted\">No rows were rejected.</p>\n");
        }
    }

    private static String label(CheckResult.Status status) {
        return switch (status) {
            case PASSED -> "pass";
            case WARNED -> "warn";
            case FAILED -> "fail";
        };
    }

    private static String number(long value) {
        return "<td class=\"n\">" + count(value) + "</td>";
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
