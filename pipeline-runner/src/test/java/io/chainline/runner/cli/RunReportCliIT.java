package io.chainline.runner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real run (stream-data with a Kafka broker started inside the command): with {@code --json} stdout holds the
 * RunReport and nothing else, people's output goes to stderr; without it stdout stays empty; either way the run's
 * JSON and HTML reports are written under the state directory and stderr ends with their paths.
 */
class RunReportCliIT {

    @TempDir
    Path home;

    private Map<String, String> env() {
        return Map.of(
                "CHAINLINE_STATE_DIR",
                home.resolve("state").toString(),
                "CHAINLINE_STORE_ROOT",
                home.resolve("data").toUri().toString());
    }

    private static List<String> lastLines(String text, int count) {
        List<String> lines = text.lines().toList();
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    @Test
    void jsonGoesToStdoutAloneTextToStderrAndBothEndWithTheReportFiles() throws Exception {
        CliRun json = CliRun.run(env(), "stream-data", "--generate", "200", "--json");

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(json.out().strip().lines())
                .as("stdout is one JSON document")
                .first()
                .asString()
                .startsWith("{");
        assertThat(report.get("command").asText()).isEqualTo("stream-data");
        assertThat(report.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(report.get("stages").get(0).get("rowsOut").asLong()).isEqualTo(200);
        String runId = report.get("runId").asText();
        Path html = home.resolve("state/reports/run-" + runId + ".html");
        Path jsonFile = home.resolve("state/reports/run-" + runId + ".json");
        assertThat(lastLines(json.err(), 2)).containsExactly("Report: " + html, "Report (JSON): " + jsonFile);
        assertThat(new ObjectMapper().readTree(jsonFile.toFile())).isEqualTo(report);
        assertThat(Files.readString(html)).contains("stream-data", "200").doesNotContain("http://", "https://");

        CliRun text = CliRun.run(env(), "stream-data", "--generate", "200");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).isEmpty();
        assertThat(text.err()).contains("stream-data: SUCCEEDED");
        assertThat(lastLines(text.err(), 2)).allSatisfy(line -> assertThat(line).startsWith("Report"));
        try (var reports = Files.list(home.resolve("state/reports"))) {
            assertThat(reports.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")))
                    .hasSize(2);
        }
    }
}
