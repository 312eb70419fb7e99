package io.chainline.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.manifest.ManifestColumn;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What people read when a command fails for an expected reason (bad input, configuration, an unreachable service):
 * one message, the report's path when the run got that far, no stack trace; the exit code and the report's
 * {@code errorKind} say which kind of failure it was, also when it was thrown inside a stage.
 */
class ErrorOutputCommandTest {
    private static final String RUN = "20261125-110000-ab12";

    @TempDir
    Path dir;

    private Path store;

    @BeforeEach
    void paths() {
        store = dir.resolve("store");
    }

    private CliRun chainline(String... args) {
        return CliRun.run(Map.of("CHAINLINE_STATE_DIR", dir.resolve("state").toString()), args);
    }

    private static void assertNoStackTrace(CliRun run) {
        assertThat(run.err().lines())
                .as(run.err())
                .noneMatch(line -> line.matches("\\s+at .*") || line.startsWith("Caused by:"));
    }

    /** The stage's entry in the JSON report whose path the run printed. */
    private static JsonNode stageReport(CliRun run, String stage) throws IOException {
        String prefix = "Report (JSON): ";
        Path file = Path.of(run.err()
                .lines()
                .filter(line -> line.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSON report in " + run.err()))
                .substring(prefix.length()));
        JsonNode report = new ObjectMapper().readTree(file.toFile());
        for (JsonNode each : report.path("stages")) {
            if (each.path("stage").asText().equals(stage)) {
                return each;
            }
        }
        throw new AssertionError("no stage " + stage + " in " + report);
    }

    /** A published silver version of one table whose file is on GCS, as a gs:// store's build lists it. */
    private void publishOnGcs() throws IOException {
        Files.createDirectories(store.resolve("silver"));
        SilverManifest manifest = new SilverManifest(
                SilverManifest.FORMAT_VERSION,
                RUN,
                Instant.parse("2026-11-25T11:00:00Z"),
                List.of(new ManifestTable(
                        "dim_department",
                        "gs://bkt/chain/silver/dim_department/",
                        List.of("gs://bkt/chain/silver/dim_department/part-00000.parquet"),
                        2,
                        List.of(new ManifestColumn("department_id", "bigint", false)),
                        List.of())),
                List.of());
        Files.write(store.resolve(SilverManifest.OBJECT_NAME), manifest.toJson());
    }

    @Test
    void aConfigurationErrorIsOneMessageWithoutAStackTraceAndExits2() {
        CliRun run = chainline(
                "gcs-to-bigquery-pipeline",
                "--set",
                "chainline.store.root=" + store,
                "--set",
                "chainline.export.mdoe=local");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Configuration error: ").contains("chainline.export.mdoe");
        assertNoStackTrace(run);
    }

    @Test
    void badInputIsOneMessageAndTheReportPathWithItsKind() throws IOException {
        CliRun run = chainline("gcs-to-bigquery-pipeline", "--set", "chainline.store.root=" + store);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No silver version is published at", "Report (JSON): ");
        assertNoStackTrace(run);
        assertThat(stageReport(run, "gcs-to-bigquery").path("errorKind").asText())
                .isEqualTo("error");
    }

    @Test
    void anUnreachableServiceIsOneMessageAndTheReportPathWithItsKind() throws IOException {
        publishOnGcs();
        // The trigger `start-mage` would have stored; nothing listens on port 1.
        Path trigger = Files.createDirectories(dir.resolve("state/mage")).resolve("trigger.json");
        Files.writeString(
                trigger,
                "{\"pipeline\":\"chainline_export\",\"name\":\"chainline_export_api\",\"scheduleId\":7,"
                        + "\"token\":\"t0k3n\"}");

        CliRun run = chainline(
                "gcs-to-bigquery-pipeline",
                "--mode",
                "mage",
                "--set",
                "chainline.store.root=" + store,
                "--set",
                "chainline.mage.url=http://127.0.0.1:1",
                "--set",
                "chainline.mage.connect-retries=0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("127.0.0.1:1", "Report (JSON): ");
        assertNoStackTrace(run);
        assertThat(stageReport(run, "gcs-to-bigquery").path("errorKind").asText())
                .isEqualTo("retriable");
    }

    @Test
    void aMissingGcsKeyFileOfAGsStoreIsAConfigurationErrorNamingTheKey() throws IOException {
        Path missing = dir.resolve("no-such-key.json");

        CliRun run = chainline(
                "gcs-to-bigquery-pipeline",
                "--set",
                "chainline.store.root=gs://chainline-test-bucket/chain",
                "--set",
                "chainline.store.gcs.credentials-file=" + missing);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains("Invalid value '" + missing + "' for 'chainline.store.gcs.credentials-file', the GCS key"
                        + " file: it does not exist")
                .doesNotContain("Guice", "Unable to provision", "NullPointer");
        assertNoStackTrace(run);
        if (!run.out().isBlank()) {
            assertThat(stageReport(run, "gcs-to-bigquery").path("errorKind").asText())
                    .isEqualTo("config");
        }
    }

    @Test
    void aBigQueryExportWithAMissingKeyFileIsAConfigurationErrorNamingTheKeyInsideTheStage() throws IOException {
        publishOnGcs();
        Path missing = dir.resolve("no-such-key.json");

        CliRun run = chainline(
                "gcs-to-bigquery-pipeline",
                "--mode",
                "bigquery",
                "--set",
                "chainline.store.root=" + store,
                "--set",
                "chainline.export.bigquery.project=proj",
                "--set",
                "chainline.store.gcs.credentials-file=" + missing);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "Invalid value '" + missing + "' for 'chainline.store.gcs.credentials-file', the BigQuery"
                                + " exporter's key file: it does not exist",
                        "Report (JSON): ");
        assertNoStackTrace(run);
        assertThat(stageReport(run, "gcs-to-bigquery").path("errorKind").asText())
                .isEqualTo("config");
    }

    @Test
    void aBigQueryExportWithoutCredentialsIsAConfigurationErrorNamingTheKey() throws IOException {
        // Only where there are no application default credentials; the endpoint keeps any request on this machine.
        assumeTrue(System.getenv("GOOGLE_APPLICATION_CREDENTIALS") == null);
        assumeFalse(Files.exists(
                Path.of(System.getProperty("user.home"), ".config/gcloud/application_default_credentials.json")));
        publishOnGcs();

        CliRun run = chainline(
                "gcs-to-bigquery-pipeline",
                "--mode",
                "bigquery",
                "--set",
                "chainline.store.root=" + store,
                "--set",
                "chainline.export.bigquery.project=proj",
                "--set",
                "chainline.export.bigquery.endpoint=https://127.0.0.1:1");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err())
                .contains("Missing value for 'chainline.store.gcs.credentials-file', a service-account JSON key: the"
                        + " BigQuery exporter found no credentials");
        assertNoStackTrace(run);
        assertThat(stageReport(run, "gcs-to-bigquery").path("errorKind").asText())
                .isEqualTo("config");
    }
}
