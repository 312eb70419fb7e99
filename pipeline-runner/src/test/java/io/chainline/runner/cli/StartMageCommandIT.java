package io.chainline.runner.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.manifest.ManifestColumn;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code chainline start-mage} against a stub of the Mage API endpoints that provisioning through the API uses. */
class StartMageCommandIT {
    private static final String API_KEY = "zkWlN0PkIKSN0C11CfUHUj84OT5XOJ6tDZ6bDRO2";
    private static final String TOKEN = "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e";

    @TempDir
    Path stateDir;

    @TempDir
    Path storeDir;

    private HttpServer mage;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startStub() throws IOException {
        mage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mage.createContext("/", this::handle);
        mage.start();
    }

    @AfterEach
    void stopStub() {
        mage.stop(0);
    }

    private Map<String, String> env(String mageUrl) {
        return Map.of(
                "CHAINLINE_STATE_DIR",
                stateDir.toString(),
                "CHAINLINE_STORE_ROOT",
                storeDir.toString(),
                "CHAINLINE_MAGE_URL",
                mageUrl,
                "CHAINLINE_MAGE_API_KEY",
                API_KEY);
    }

    private String url() {
        return "http://127.0.0.1:" + mage.getAddress().getPort();
    }

    private void publishManifest() throws IOException {
        Path file = storeDir.resolve(SilverManifest.OBJECT_NAME);
        Files.createDirectories(file.getParent());
        Files.write(
                file,
                new SilverManifest(
                                1,
                                "20261125-120000-ab12",
                                Instant.parse("2026-11-25T12:00:00Z"),
                                List.of(new ManifestTable(
                                        "dim_date",
                                        "gs://b/silver/dim_date/r/",
                                        List.of("gs://b/silver/dim_date/r/p.parquet"),
                                        1461,
                                        List.of(new ManifestColumn("date_key", "int", false)),
                                        List.of())),
                                List.of())
                        .toJson());
    }

    @Test
    void withoutAMageUrlItExplainsThatTheDirectExporterIsUsed() {
        CliRun run = CliRun.run(env(""), "start-mage");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err())
                .contains("No Mage server is configured (chainline.mage.url, CHAINLINE_MAGE_URL), so"
                        + " there is nothing to provision: exports use the direct BigQuery exporter");
        assertThat(requests).isEmpty();
    }

    @Test
    void withoutAPublishedManifestItFailsAndSaysWhatToRun() {
        CliRun run = CliRun.run(env(url()), "start-mage");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(
                        "Error: No silver manifest is published at ",
                        "silver/_manifest.json: run `chainline olap-transformation-pipeline` first");
        assertThat(requests).isEmpty();
    }

    @Test
    void itProvisionsThroughTheApiAndStoresTheTrigger() throws IOException {
        publishManifest();

        CliRun run = CliRun.run(env(url()), "start-mage");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().trim()).isEqualTo("chainline_export");
        assertThat(run.err())
                .contains(
                        "Provisioned Mage pipeline chainline_export at " + url() + "/: 2 blocks for the"
                                + " 1 tables of silver run 20261125-120000-ab12, created through the API.",
                        "API trigger chainline_export_api (schedule 7) created")
                .doesNotContain(TOKEN, API_KEY);
        assertThat(requests)
                .containsExactly(
                        "GET /api/pipelines/chainline_export",
                        "POST /api/pipelines",
                        "POST /api/pipelines/chainline_export/blocks",
                        "POST /api/pipelines/chainline_export/blocks",
                        "GET /api/pipelines/chainline_export/pipeline_schedules",
                        "POST /api/pipelines/chainline_export/pipeline_schedules");
        Path trigger = stateDir.resolve("mage/trigger.json");
        assertThat(trigger).content().contains("\"scheduleId\" : 7", TOKEN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trigger)))
                .isEqualTo("rw-------");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            String request =
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            requests.add(request);
            String body;
            if (!API_KEY.equals(exchange.getRequestHeaders().getFirst("X-API-KEY"))) {
                body = "{\"error\": {\"code\": 401, \"type\": \"invalid_api_key\"}, \"status\": 200}";
            } else if (request.equals("GET /api/pipelines/chainline_export")) {
                body =
                        "{\"error\": {\"code\": 404, \"message\": \"Record not found.\", \"type\": \"record_not_found\"},"
                                + " \"status\": 200}";
            } else if (request.equals("POST /api/pipelines")) {
                body = "{\"pipeline\": {\"uuid\": \"chainline_export\", \"type\": \"python\", \"blocks\": []}}";
            } else if (request.endsWith("/blocks")) {
                body = "{\"block\": {}}";
            } else if (request.startsWith("GET") && request.endsWith("/pipeline_schedules")) {
                body = "{\"pipeline_schedules\": [], \"metadata\": {\"count\": 0, \"next\": false}}";
            } else if (request.endsWith("/pipeline_schedules")) {
                body =
                        "{\"pipeline_schedule\": {\"id\": 7, \"name\": \"chainline_export_api\", \"schedule_type\": \"api\","
                                + " \"status\": \"active\", \"pipeline_uuid\": \"chainline_export\", \"token\": \""
                                + TOKEN + "\"}}";
            } else {
                body = "{\"error\": {\"code\": 400, \"type\": \"api_resource_error\"}, \"status\": 200}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
