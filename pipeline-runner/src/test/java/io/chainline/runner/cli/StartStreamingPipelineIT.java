package io.chainline.runner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code start-streaming-pipeline} in-process on a broker and a PostgreSQL server started for the command. */
class StartStreamingPipelineIT {
    @TempDir
    Path dir;

    @Test
    void generatedRowsReachBronzeAndRawAndEveryHopReconciles() throws Exception {
        Map<String, String> env = Map.of(
                "CHAINLINE_STATE_DIR",
                dir.resolve("state").toString(),
                "CHAINLINE_STORE_ROOT",
                dir.resolve("store").toUri().toString());

        CliRun run = CliRun.run(env, "--json", "start-streaming-pipeline", "--rows", "3000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("status").asText()).isEqualTo("SUCCEEDED");
        List<String> stages = report.path("stages").findValuesAsText("stage");
        assertThat(stages).containsExactly("stream-data", "consume", "reconcile");
        JsonNode reconcile = report.path("stages").get(2);
        assertThat(reconcile.path("checks").findValuesAsText("name"))
                .containsExactly("reconciliation.ingest", "reconciliation.bronze", "reconciliation.raw");
        assertThat(reconcile.path("checks").findValuesAsText("status")).containsOnly("PASSED");
        assertThat(reconcile.path("checks").get(1).path("detail").asText()).startsWith("sent 3000 = bronze rows 3000");
        assertThat(reconcile.path("checks").get(2).path("detail").asText()).startsWith("sent 3000 = raw records 3000");
        try (Stream<Path> runs = Files.list(dir.resolve("state/runs"))) {
            assertThat(runs.map(p -> p.getFileName().toString()))
                    .as("the services started for the command, their folders released once they stopped")
                    .hasSize(2)
                    .noneMatch(name -> name.endsWith(".owner"));
        }
    }
}
