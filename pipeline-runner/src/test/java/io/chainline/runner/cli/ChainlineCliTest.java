package io.chainline.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.state.StateDirectory;
import io.chainline.runner.process.ServiceRecord;
import io.chainline.runner.process.ServiceRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class ChainlineCliTest {
    /** The sub-commands the design names; --help must list each. */
    static final List<String> DESIGN_COMMANDS = List.of(
            "start-kafka",
            "start-postgres",
            "start-spark",
            "start-mage",
            "stream-data",
            "consume",
            "olap-transformation-pipeline",
            "gcs-to-bigquery-pipeline",
            "start-batch-pipeline",
            "start-streaming-pipeline",
            "start-project",
            "status",
            "stop-all");

    @TempDir
    Path stateDir;

    private Process sleeper;

    @AfterEach
    void killSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    private Map<String, String> env() {
        return Map.of("CHAINLINE_STATE_DIR", stateDir.toString());
    }

    private ServiceRegistry registry() {
        return new ServiceRegistry(new StateDirectory(stateDir), java.time.Clock.systemUTC());
    }

    @Test
    void helpListsEverySubCommandOfTheDesign() {
        CliRun run = CliRun.run(env(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(DESIGN_COMMANDS).contains("--config", "--set", "--json", "--version");
    }

    @Test
    void everySubCommandHasItsOwnHelp() {
        for (String command : DESIGN_COMMANDS) {
            CliRun run = CliRun.run(env(), command, "--help");

            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out())
                    .as(command)
                    .contains("Usage: chainline " + command)
                    .contains("--help");
        }
    }

    @Test
    void versionNamesTheProduct() {
        CliRun run = CliRun.run(env(), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("chainline ");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun run = CliRun.run(env(), "start-everything");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'start-everything'");
    }

    @Test
    void statusWithNoServices() {
        CliRun text = CliRun.run(env(), "status");
        assertThat(text.err())
                .contains("No services are running.")
                .contains("State runs/: 0 B in 0 entries (" + stateDir.resolve("runs") + ")")
                .contains("State reports/: 0 B in 0 entries (" + stateDir.resolve("reports") + ")");
        CliRun json = CliRun.run(env(), "status", "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out())
                .contains("\"services\" : [ ]")
                .contains("\"dir\" : \"" + stateDir + "\"")
                .contains("\"entries\" : 0", "\"bytes\" : 0", "\"size\" : \"0 B\"");
    }

    @Test
    void aCommandStartsByPruningRunsAndReportsAndStatusShowsWhatIsLeft() throws IOException {
        Path oldRun = Files.createDirectories(stateDir.resolve("runs/20200101-000000-kafka"));
        Files.write(oldRun.resolve("segment"), new byte[2048]);
        Files.setLastModifiedTime(oldRun, FileTime.from(Instant.now().minus(Duration.ofDays(8))));
        Path recentRun = Files.createDirectories(stateDir.resolve("runs/20990101-000000-kafka"));
        Files.write(recentRun.resolve("segment"), new byte[3072]);
        Path reports = Files.createDirectories(stateDir.resolve("reports"));
        for (int i = 0; i < 3; i++) {
            Path json = Files.writeString(reports.resolve("run-2020010" + i + ".json"), "{}");
            Files.setLastModifiedTime(json, FileTime.from(Instant.now().minus(Duration.ofMinutes(10 - i))));
        }

        CliRun run = CliRun.run(env(), "status", "--set", "chainline.retention.reports.keep=2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(oldRun).as("older than runs.max-age").doesNotExist();
        assertThat(recentRun).isDirectory();
        assertThat(reports.resolve("run-20200100.json"))
                .as("beyond reports.keep")
                .doesNotExist();
        assertThat(reports.resolve("run-20200102.json")).exists();
        assertThat(run.err())
                .contains("State runs/: 3.0 KiB in 1 entry (" + stateDir.resolve("runs") + ")")
                .contains("State reports/: 4 B in 2 entries (" + stateDir.resolve("reports") + ")");
    }

    @Test
    void statusListsRunningAndStaleServices() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        registry()
                .register(new ServiceRecord(
                        "kafka",
                        self.pid(),
                        "127.0.0.1:9092",
                        stateDir.resolve("logs/kafka.log"),
                        Instant.now().minusSeconds(75),
                        self.info().startInstant().orElse(null)));
        Process finished = new ProcessBuilder("true").start();
        finished.onExit().join();
        registry()
                .register(new ServiceRecord(
                        "postgres",
                        finished.pid(),
                        "127.0.0.1:5432",
                        stateDir.resolve("logs/postgres.log"),
                        Instant.now(),
                        null));

        CliRun table = CliRun.run(env(), "status");
        CliRun json = CliRun.run(env(), "--json", "status");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines()).hasSize(3);
        assertThat(table.out().lines().toList().get(0)).startsWith("NAME").contains("PID", "ADDRESS", "UPTIME", "LOG");
        assertThat(table.out()).containsPattern("kafka +running +" + self.pid() + " +127\\.0\\.0\\.1:9092 +1m1[5-9]s");
        assertThat(table.out()).containsPattern("postgres +stale \\(not running\\) +" + finished.pid());
        assertThat(json.out()).contains("\"name\" : \"kafka\"", "\"running\" : true", "\"running\" : false");
    }

    @Test
    void stopAllStopsRegisteredServices() throws IOException {
        sleeper = new ProcessBuilder("sleep", "60").start();
        registry()
                .register(new ServiceRecord(
                        "spark",
                        sleeper.pid(),
                        "127.0.0.1:7077",
                        stateDir.resolve("spark.log"),
                        Instant.now(),
                        sleeper.info().startInstant().orElse(null)));

        CliRun run = CliRun.run(env(), "stop-all", "--timeout", "PT10S");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("spark: stopped");
        assertThat(sleeper.onExit()
                        .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                        .join()
                        .isAlive())
                .isFalse();
        assertThat(registry().list()).isEmpty();
        assertThat(CliRun.run(env(), "stop-spark").err()).contains("spark: was not running");
    }

    @Test
    void stopSparkStopsTheWorkerThenTheMaster() throws IOException {
        sleeper = new ProcessBuilder("sleep", "60").start();
        Process worker = new ProcessBuilder("sleep", "60").start();
        try {
            registry()
                    .register(new ServiceRecord(
                            "spark",
                            sleeper.pid(),
                            "spark://127.0.0.1:7077",
                            stateDir.resolve("spark.log"),
                            Instant.now(),
                            sleeper.info().startInstant().orElse(null)));
            registry()
                    .register(new ServiceRecord(
                            "spark-worker",
                            worker.pid(),
                            "127.0.0.1:7078",
                            stateDir.resolve("spark-worker.log"),
                            Instant.now(),
                            worker.info().startInstant().orElse(null)));

            CliRun run = CliRun.run(env(), "stop-spark", "--timeout", "PT10S");

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).containsSubsequence("spark-worker: stopped", "spark: stopped");
            assertThat(registry().list()).isEmpty();
        } finally {
            worker.destroyForcibly();
        }
    }

    @Test
    void configurationProblemsOfEveryModuleAreReportedTogetherWithExitCode2() {
        CliRun run = CliRun.run(
                env(),
                "status",
                "--set",
                "chainline.kafka.bootstrp=x",
                "--set",
                "chainline.ingest.partitions=0",
                "--set",
                "chainline.export.mode=snowflake",
                "--set",
                "chainline.sinks.enabled=[raw, s3]");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "Configuration error: 4 configuration problems:",
                        "did you mean 'chainline.kafka.bootstrap'?",
                        "Invalid value '0' for 'chainline.ingest.partitions': must be >= 1",
                        "Unknown exporter 'snowflake' for 'chainline.export.mode': registered exporters are"
                                + " [bigquery, local, mage]",
                        "Unknown sink 's3' for 'chainline.sinks.enabled': registered sinks are [postgres, raw]");
    }

    @Test
    void secretsNeverReachTheOutput() {
        CliRun run = CliRun.run(
                Map.of(
                        "CHAINLINE_STATE_DIR",
                        stateDir.toString(),
                        "CHAINLINE_POSTGRES_URL",
                        "mysql://app:topsecret@db/x"),
                "status");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mysql://app:***@db/x").doesNotContain("topsecret");
    }

    @Test
    void uptimeIsFormattedForPeople() {
        assertThat(StatusCommand.format(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(StatusCommand.format(Duration.ofSeconds(75))).isEqualTo("1m15s");
        assertThat(StatusCommand.format(Duration.ofSeconds(3 * 3600 + 5 * 60))).isEqualTo("3h05m");
    }
}
