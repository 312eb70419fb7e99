package io.chainline.cli.jar;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spark from the runner jar: a command runs a local session in the jar's JVM; {@code start-spark} starts a master
 * and a worker that {@code status} lists, a run against that master gets an executor on the worker, and
 * {@code stop-all} stops both.
 */
class SparkClusterJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private JarProcess jar;

    @AfterEach
    void stopEverything() throws Exception {
        if (jar != null) {
            jar.run("stop-all");
        }
    }

    @Test
    void aCommandRunsALocalSessionInTheJarQuietly() throws Exception {
        jar = new JarProcess(home);

        JarProcess.Result run = jar.run(
                "olap-transformation-pipeline",
                "--master",
                "local[1]",
                "--json",
                "--raw",
                raw().toUri().toString(),
                "--silver",
                home.resolve("silver-store").toUri().toString());

        JsonNode session = sessionStage(run);
        assertThat(session.get("status").asText()).as(run.err()).isEqualTo("SUCCEEDED");
        assertThat(session.get("outputs").toString()).contains("spark-master=local[1]");
        assertThat(session.get("counters").get("executors").asLong()).isEqualTo(1);
        assertThat(run.err())
                .as("Spark logs only warnings")
                .doesNotContainPattern("INFO +(SparkContext|Executor|DAGScheduler|BlockManager\\w*|TaskSetManager|"
                        + "SparkEnv|Utils|ResourceUtils|SecurityManager):");
    }

    @Test
    void startSparkStatusAJobOnTheWorkerAndStopAll() throws Exception {
        jar = new JarProcess(home);

        JarProcess.Result started = jar.run("start-spark", "--cores", "1", "--memory", "1g");
        assertThat(started.exitCode()).as(started.err()).isZero();
        String master = started.out().trim();
        assertThat(master).matches("spark://127\\.0\\.0\\.1:\\d+");
        Matcher webUi = Pattern.compile("web UI (http://127\\.0\\.0\\.1:\\d+);").matcher(started.err());
        assertThat(webUi.find()).as(started.err()).isTrue();

        JarProcess.Result status = jar.run("status");
        assertThat(status.out())
                .containsPattern("spark +running +\\d+ +" + Pattern.quote(master))
                .containsPattern("spark-worker +running +\\d+ +127\\.0\\.0\\.1:\\d+");
        assertThat(masterJson(webUi.group(1)).get("aliveworkers").asInt()).isEqualTo(1);

        JarProcess.Result again = jar.run("start-spark");
        assertThat(again.out().trim()).isEqualTo(master);
        assertThat(again.err()).contains("Spark is already running");

        JarProcess.Result run = jar.run(
                "olap-transformation-pipeline",
                "--json",
                "--raw",
                raw().toUri().toString(),
                "--silver",
                home.resolve("silver-store").toUri().toString());
        JsonNode session = sessionStage(run);
        assertThat(session.get("status").asText()).as(run.err()).isEqualTo("SUCCEEDED");
        assertThat(session.get("outputs").toString())
                .as("the registered cluster is used")
                .contains("spark-master=" + master);
        assertThat(session.get("counters").get("executors").asLong())
                .as("executors on the worker")
                .isGreaterThanOrEqualTo(1);
        JsonNode apps = masterJson(webUi.group(1)).get("completedapps");
        assertThat(apps).as("the master ran the application").anySatisfy(app -> {
            assertThat(app.get("name").asText()).isEqualTo("chainline-olap");
            assertThat(app.get("cores").asInt()).isEqualTo(1);
        });

        JarProcess.Result stopped = jar.run("stop-all");
        assertThat(stopped.err()).contains("spark-worker: stopped", "spark: stopped");
        assertThat(jar.run("status").err()).contains("No services are running.");
    }

    private Path raw() throws Exception {
        return Files.createDirectories(home.resolve("raw-store").resolve("raw_streaming"));
    }

    private static JsonNode sessionStage(JarProcess.Result run) throws Exception {
        assertThat(run.out()).as(run.err()).isNotBlank();
        for (JsonNode stage : JSON.readTree(run.out()).get("stages")) {
            if (stage.get("stage").asText().equals("spark-session")) {
                return stage;
            }
        }
        throw new AssertionError("no spark-session stage in " + run.out());
    }

    private static JsonNode masterJson(String webUi) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(webUi + "/json/"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
