package io.chainline.runner.embed;

import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunStatus;
import io.chainline.core.stage.StageReport;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of docs/embedding.md, compiled and run as written. */
class EmbeddingExampleTest {
    @TempDir
    Path work;

    @Test
    void theDocumentedExampleCompilesRunsTheCustomStageAndUsesTheOverriddenClock() throws Exception {
        Class<?> example = DocExample.compile("EmbeddingExample", work);
        Method run = example.getMethod("runExample", Path.class, Writer.class);
        Path stateDir = work.resolve("state");
        StringWriter out = new StringWriter();

        RunReport report = (RunReport) run.invoke(null, stateDir, out);

        assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
        StageReport audit = report.stage("order-audit").orElseThrow();
        assertThat(audit.rowsIn()).isEqualTo(1_000);
        assertThat(audit.rowsOut()).isBetween(200L, 999L);
        assertThat(audit.counters()).containsEntry("orders", audit.rowsOut());
        assertThat(audit.checks()).extracting(CheckResult::status).containsExactly(CheckResult.Status.PASSED);
        // The fixed clock replaced Chainline's: the stage, the run id and the report all read it.
        assertThat(audit.outputs()).containsExactly("audited-at 2030-01-01T00:00:00Z");
        assertThat(report.startedAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(report.runId()).startsWith("20300101-000000-");
        JsonNode services = new ObjectMapper().readTree(out.toString()).path("services");
        assertThat(services.isArray()).as("status --json printed %s", out).isTrue();
        assertThat(services).isEmpty();
        assertThat(stateDir.resolve("reports/run-" + report.runId() + ".html"))
                .content()
                .contains("order-audit", "1,000");
        assertThat(stateDir.resolve("reports/run-" + report.runId() + ".json")).exists();
    }
}
