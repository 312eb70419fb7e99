package io.chainline.core.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;

import static io.chainline.core.store.BlobStoreContractTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How {@link GcsBlobStore} reads GCS answers to preconditions and failures, against a JDK HTTP stub that speaks
 * the JSON API's resumable upload and delete (the in-memory fake cannot produce these answers).
 */
class GcsBlobStorePreconditionIT {
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream uploaded = new ByteArrayOutputStream();
    private volatile int startStatus = 200;
    private volatile int finishStatus = 200;
    private volatile int deleteStatus = 204;
    private GcsBlobStore store;

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        int port = server.getAddress().getPort();
        store = new GcsBlobStore(
                StorageOptions.newBuilder()
                        .setHost("http://127.0.0.1:" + port)
                        .setProjectId("p")
                        .setCredentials(NoCredentials.getInstance())
                        .setRetrySettings(ServiceOptions.getNoRetrySettings())
                        .build()
                        .getService(),
                "bkt",
                "pre");
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void ifAbsentAnswered412ReturnsFalse() {
        startStatus = 412;

        assertThat(store.write("x", bytes("abc"), WriteCondition.ifAbsent())).isFalse();

        assertThat(requests)
                .singleElement()
                .asString()
                .startsWith("POST /upload/storage/v1/b/bkt/o?")
                .contains("ifGenerationMatch=0", "uploadType=resumable", "name=pre/x");
    }

    @Test
    void ifGenerationAnswered412ReturnsFalse() {
        startStatus = 412;

        assertThat(store.write("x", bytes("abc"), WriteCondition.ifGeneration("42")))
                .isFalse();

        assertThat(requests).singleElement().asString().contains("ifGenerationMatch=42");
    }

    @Test
    void preconditionFailingWhenTheUploadCompletesReturnsFalse() {
        finishStatus = 412;

        assertThat(store.write("x", bytes("abc"), WriteCondition.ifAbsent())).isFalse();

        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).startsWith("PUT /upload/session/1");
    }

    @Test
    void aCompleteUploadReturnsTrueAndSendsTheContent() {
        assertThat(store.write("x", bytes("abc"), WriteCondition.ifAbsent())).isTrue();

        assertThat(uploaded.toString(StandardCharsets.UTF_8)).isEqualTo("abc");
    }

    @Test
    void unavailableIsRetriableAndNamesTheObject() {
        startStatus = 503;

        assertThatThrownBy(() -> store.write("x", bytes("abc"), WriteCondition.ifAbsent()))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("gs://bkt/pre/x")
                .hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(GcsErrors.storageException(e.getCause()))
                        .get()
                        .extracting(StorageException::getCode)
                        .isEqualTo(503));
    }

    @Test
    void tooManyRequestsIsRetriable() {
        startStatus = 429;

        assertThatThrownBy(() -> store.write("x", bytes("abc"), WriteCondition.always()))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("gs://bkt/pre/x");
    }

    @Test
    void forbiddenIsNotRetriable() {
        startStatus = 403;

        assertThatThrownBy(() -> store.write("x", bytes("abc"), WriteCondition.always()))
                .isInstanceOf(ChainlineException.class)
                .isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("Could not write gs://bkt/pre/x")
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void conditionalDeleteAnswered412ReturnsFalse() {
        deleteStatus = 412;

        assertThat(store.delete("x", "42")).isFalse();

        assertThat(requests)
                .singleElement()
                .asString()
                .startsWith("DELETE /storage/v1/b/bkt/o/pre/x")
                .contains("ifGenerationMatch=42");
    }

    @Test
    void deleteOfAMissingObjectReturnsFalse() {
        deleteStatus = 404;

        assertThat(store.delete("x")).isFalse();
    }

    @Test
    void deleteAnswered503IsRetriable() {
        deleteStatus = 503;

        assertThatThrownBy(() -> store.delete("x"))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("Could not delete gs://bkt/pre/x");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String target = URLDecoder.decode(exchange.getRequestURI().toString(), StandardCharsets.UTF_8);
        requests.add(method + " " + target);
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (method.equals("POST") && target.startsWith("/upload/storage/v1/b/bkt/o")) {
            if (startStatus == 200) {
                int port = server.getAddress().getPort();
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/upload/session/1");
                reply(exchange, 200, "");
            } else {
                reply(exchange, startStatus, error(startStatus));
            }
        } else if (method.equals("PUT") && target.startsWith("/upload/session/1")) {
            if (finishStatus == 200) {
                uploaded.writeBytes(body);
                reply(
                        exchange,
                        200,
                        "{\"kind\":\"storage#object\",\"bucket\":\"bkt\",\"name\":\"pre/x\","
                                + "\"generation\":\"7\",\"size\":\"" + body.length + "\"}");
            } else {
                reply(exchange, finishStatus, error(finishStatus));
            }
        } else if (method.equals("DELETE")) {
            reply(exchange, deleteStatus, deleteStatus == 204 ? "" : error(deleteStatus));
        } else {
            reply(exchange, 400, error(400));
        }
    }

    private static String error(int status) {
        return "{\"error\":{\"code\":" + status + ",\"message\":\"stub status " + status + "\","
                + "\"errors\":[{\"reason\":\"stub\",\"message\":\"stub status " + status + "\"}]}}";
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }
}
