package io.chainline.runner.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.json.Json;
import io.chainline.core.stage.RunReport;
import io.chainline.core.state.StateDirectory;

import static java.util.Objects.requireNonNull;

/**
 * Writes every run's report under the state directory: {@code reports/run-<id>.json} (the {@link RunReport} as
 * {@code --json} prints it, secrets hidden) and {@code reports/run-<id>.html} ({@link HtmlReport}). Both files are
 * replaced atomically.
 */
public final class RunReportFiles {
    private final StateDirectory state;
    private final ObjectMapper json = Json.reportMapper();

    /** Report files in the given state directory. */
    public RunReportFiles(StateDirectory state) {
        this.state = requireNonNull(state, "state is null");
    }

    /**
     * Where the two files of one run are.
     *
     * @param json the RunReport as JSON
     * @param html the self-contained HTML page
     */
    public record Paths(Path json, Path html) {
        public Paths {
            requireNonNull(json, "json is null");
            requireNonNull(html, "html is null");
        }
    }

    /** Writes both files of the run and returns where they are. */
    public Paths write(RunReport report) {
        requireNonNull(report, "report is null");
        Path jsonFile = state.resolve("reports/run-" + report.runId() + ".json");
        Path htmlFile = state.resolve("reports/run-" + report.runId() + ".html");
        try {
            state.writeAtomically(
                    jsonFile, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
        } catch (JsonProcessingException e) {
            throw new ChainlineException(
                    "Cannot render the report of run " + report.runId() + " as JSON: " + e.getOriginalMessage(), e);
        }
        state.writeAtomically(htmlFile, HtmlReport.render(report).getBytes(StandardCharsets.UTF_8));
        return new Paths(jsonFile, htmlFile);
    }
}
