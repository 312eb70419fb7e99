package io.chainline.runner.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static java.util.Objects.requireNonNull;

/**
 * What a Spark standalone master's web UI tells at {@code /json/}: its state, its workers and applications.
 * Used to know when the master and a worker are ready.
 */
public final class SparkMasterStatus {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMillis(800);

    private final URI json;
    private final HttpClient http;

    /** @param webUi the master's web UI, e.g. {@code http://127.0.0.1:8080} */
    public SparkMasterStatus(String webUi) {
        requireNonNull(webUi, "webUi is null");
        this.json = URI.create(webUi.endsWith("/") ? webUi + "json/" : webUi + "/json/");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** The master's JSON, or empty when it does not answer (yet). */
    public Optional<JsonNode> read() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(json).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Whether the master answers with status {@code ALIVE}. */
    public boolean alive() {
        return read().map(node -> "ALIVE".equals(node.path("status").asText())).orElse(false);
    }

    /** Whether the master lists an ALIVE worker at {@code host:port}. */
    public boolean hasAliveWorker(String host, int port) {
        return read().map(node -> {
                    for (JsonNode worker : node.path("workers")) {
                        if (host.equals(worker.path("host").asText())
                                && worker.path("port").asInt() == port
                                && "ALIVE".equals(worker.path("state").asText())) {
                            return true;
                        }
                    }
                    return false;
                })
                .orElse(false);
    }
}
