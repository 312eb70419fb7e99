package io.chainline.export.mage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-memory Mage server on 127.0.0.1 speaking the contract of Mage's REST API as Chainline uses it: API key and
 * session checks (401 for a bad key, HTTP 200 error envelopes for the rest), pipelines, blocks, schedules with
 * tokens, API triggers (a wrong token answers HTTP 200 with an error that echoes the token, as Mage does) and runs
 * whose status follows a script, one step per read.
 */
public final class FakeMage implements AutoCloseable {
    /** Mage's public API key constant. */
    public static final String API_KEY = "zkWlN0PkIKSN0C11CfUHUj84OT5XOJ6tDZ6bDRO2";
    /** The session login. */
    public static final String USER = "admin@admin.com";
    /** The session password. */
    public static final String PASSWORD = "s3cret-Passw0rd";
    /** The session JWT handed out by the login. */
    public static final String SESSION_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJ0b2tlbiI6ImFiYyJ9.c2lnbmF0dXJlLXNlY3JldA";

    /** One request as received. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private int port;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final FakeMagePipelines pipelines = new FakeMagePipelines(json);
    private final Map<Long, ObjectNode> schedules = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong(100);
    private final FakeMageRuns runs = new FakeMageRuns(json, ids);
    private boolean requireApiKey = true;
    private boolean requireSession;
    private boolean hideTokens;
    private boolean expireSession;
    private int gatewayErrors;
    private HttpServer server;

    private FakeMage(int port) {
        this.port = port;
    }

    /** A fake on a free port, started. */
    public static FakeMage start() {
        FakeMage fake = new FakeMage(0);
        fake.listen();
        return fake;
    }

    /** A fake that owns a free port but does not listen yet: connections are refused until {@link #listen()}. */
    public static FakeMage notListening() {
        FakeMage probe = start();
        int port = probe.port();
        probe.close();
        return new FakeMage(port);
    }

    /** Starts listening (on the same port after {@link #notListening()}). */
    public synchronized void listen() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
    }

    /** The port. */
    public synchronized int port() {
        return port;
    }

    /** The base URL. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** Every request received so far. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Whether requests need a session cookie (user authentication on). */
    public synchronized FakeMage requireSession(boolean required) {
        this.requireSession = required;
        return this;
    }

    /** Whether requests need the API key (default true). */
    public synchronized FakeMage requireApiKey(boolean required) {
        this.requireApiKey = required;
        return this;
    }

    /** Hides tokens in schedule replies except rotations ({@code HIDE_API_TRIGGER_TOKEN}). */
    public synchronized FakeMage hideTokens(boolean hide) {
        this.hideTokens = hide;
        return this;
    }

    /** Answers the next authenticated request with 401 {@code expired_oauth_token}, as an expired session gets. */
    public synchronized FakeMage expireSession() {
        this.expireSession = true;
        return this;
    }

    /** Answers the next {@code count} requests with HTTP 503 and an HTML page, as a proxy does while Mage restarts. */
    public synchronized FakeMage gatewayErrors(int count) {
        this.gatewayErrors = count;
        return this;
    }

    /** Serves pipelines that exist as files in this project directory, as Mage does. */
    public synchronized FakeMage projectDir(Path dir) {
        pipelines.projectDir(dir);
        return this;
    }

    /** Adds an API trigger and returns its id; its token is {@code token}. */
    public synchronized long addApiTrigger(String pipeline, String name, String token, String status) {
        long id = ids.incrementAndGet();
        ObjectNode schedule = json.createObjectNode()
                .put("id", id)
                .put("name", name)
                .put("pipeline_uuid", pipeline)
                .put("schedule_type", "api")
                .put("status", status)
                .put("token", token);
        schedules.put(id, schedule);
        return id;
    }

    /** The schedules, by id. */
    public synchronized Map<Long, ObjectNode> schedules() {
        return Map.copyOf(schedules);
    }

    /** The pipelines created through the API, by uuid, each with its blocks. */
    public Map<String, ObjectNode> pipelines() {
        return pipelines.created();
    }

    /**
     * The states the next triggered run goes through, one per read of the run; the last repeats. Each state is a
     * {@code pipeline_run} record without {@code id}.
     */
    public void scriptNextRun(List<ObjectNode> states) {
        runs.scriptNext(states);
    }

    /** A run state: its status and block runs. */
    public ObjectNode runState(String status, ObjectNode... blockRuns) {
        return runs.state(status, blockRuns);
    }

    /** A block run; an error message goes to {@code metrics.error.message}. */
    public ObjectNode blockRun(String uuid, String status, String errorMessage) {
        return runs.blockRun(uuid, status, errorMessage);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body);
            requests.add(request);
            Reply reply;
            synchronized (this) {
                reply = route(request);
            }
            boolean page = reply.body().isTextual();
            byte[] bytes = page
                    ? reply.body().asText().getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", page ? "text/html" : "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private record Reply(int status, JsonNode body) {}

    private static final Pattern TRIGGER = Pattern.compile("/api/pipeline_schedules/(\\d+)/pipeline_runs/([^/]+)");
    private static final Pattern RUN = Pattern.compile("/api/pipeline_runs/(\\d+)");
    private static final Pattern PIPELINE = Pattern.compile("/api/pipelines/([a-z0-9_]+)");
    private static final Pattern BLOCKS = Pattern.compile("/api/pipelines/([a-z0-9_]+)/blocks");
    private static final Pattern BLOCK = Pattern.compile("/api/pipelines/([a-z0-9_]+)/blocks/([a-z0-9_]+)");
    private static final Pattern PIPELINE_SCHEDULES = Pattern.compile("/api/pipelines/([a-z0-9_]+)/pipeline_schedules");
    private static final Pattern SCHEDULE = Pattern.compile("/api/pipeline_schedules/(\\d+)");

    private Reply route(Request request) throws IOException {
        String path = request.path();
        if (gatewayErrors > 0) {
            gatewayErrors--;
            return new Reply(503, json.getNodeFactory().textNode("<html>503 Service Temporarily Unavailable</html>"));
        }
        Matcher m = TRIGGER.matcher(path);
        if (m.matches() && request.method().equals("POST")) {
            return trigger(Long.parseLong(m.group(1)), m.group(2), request);
        }
        if (path.equals("/api/sessions") && request.method().equals("POST")) {
            return login(request);
        }
        Reply denied = authenticate(request);
        if (denied != null) {
            return denied;
        }
        if ((m = RUN.matcher(path)).matches() && request.method().equals("GET")) {
            return readRun(Long.parseLong(m.group(1)));
        }
        if ((m = BLOCK.matcher(path)).matches() && request.method().equals("PUT")) {
            return updateBlock(m.group(1), m.group(2), request);
        }
        if ((m = BLOCKS.matcher(path)).matches() && request.method().equals("POST")) {
            return createBlock(m.group(1), request);
        }
        if ((m = PIPELINE_SCHEDULES.matcher(path)).matches()) {
            return request.method().equals("GET") ? listSchedules(m.group(1)) : createSchedule(m.group(1), request);
        }
        if ((m = SCHEDULE.matcher(path)).matches() && request.method().equals("PUT")) {
            return updateSchedule(Long.parseLong(m.group(1)), request);
        }
        if ((m = PIPELINE.matcher(path)).matches() && request.method().equals("GET")) {
            return readPipeline(m.group(1));
        }
        if (path.equals("/api/pipelines") && request.method().equals("POST")) {
            return createPipeline(request);
        }
        return error(400, "api_resource_error", "No route for " + request.method() + " " + path);
    }

    private Reply authenticate(Request request) {
        if (requireApiKey && !API_KEY.equals(request.header("X-API-KEY"))) {
            return new Reply(401, envelope(401, "invalid_api_key", "Invalid API key."));
        }
        if (requireSession && expireSession) {
            expireSession = false;
            return new Reply(401, envelope(401, "expired_oauth_token", "Token expired."));
        }
        if (requireSession && !("oauth_token=" + SESSION_JWT).equals(request.header("Cookie"))) {
            return new Reply(
                    200, envelope(403, "unauthorized_access", "Private access for detail only, invalid scope."));
        }
        return null;
    }

    private Reply login(Request request) throws IOException {
        if (requireApiKey && !API_KEY.equals(request.header("X-API-KEY"))) {
            return new Reply(401, envelope(401, "invalid_api_key", "Invalid API key."));
        }
        JsonNode session = json.readTree(request.body()).path("session");
        if (!USER.equals(session.path("email").asText())
                || !PASSWORD.equals(session.path("password").asText())) {
            return error(404, "record_not_found", "Email/username and/or password invalid.");
        }
        ObjectNode reply = json.createObjectNode();
        reply.putObject("session").put("token", SESSION_JWT).put("expires", "2026-12-25 12:00:00");
        return ok(reply);
    }

    private Reply trigger(long scheduleId, String token, Request request) throws IOException {
        ObjectNode schedule = schedules.get(scheduleId);
        if (schedule == null || !schedule.path("token").asText().equals(token)) {
            ObjectNode body = json.createObjectNode();
            body.putObject("error")
                    .put("code", 500)
                    .put(
                            "exception",
                            schedule == null
                                    ? "{'code': 404, 'message': 'Record not found.', 'type': 'record_not_found'}"
                                    : "Invalid token for pipeline schedule ID " + scheduleId + ".")
                    .put("message", "Traceback (most recent call last): token " + token)
                    .putArray("errors")
                    .add("  File \"triggers.py\", token=" + token);
            body.putObject("url_parameters")
                    .put("pipeline_schedule_id", String.valueOf(scheduleId))
                    .put("token", token);
            return new Reply(200, body);
        }
        schedule.put("status", "active");
        ObjectNode run = runs.start(
                scheduleId,
                schedule.path("pipeline_uuid").asText(),
                json.readTree(request.body()).path("pipeline_run").path("variables"));
        ObjectNode reply = json.createObjectNode();
        reply.set("pipeline_run", run);
        return new Reply(200, reply);
    }

    private Reply readRun(long id) {
        return runs.read(id)
                .map(run -> ok(json.createObjectNode().set("pipeline_run", run)))
                .orElseGet(() -> error(404, "record_not_found", "Record not found."));
    }

    private Reply readPipeline(String uuid) throws IOException {
        return pipelines
                .read(uuid)
                .map(pipeline -> ok(json.createObjectNode().set("pipeline", pipeline)))
                .orElseGet(() -> error(404, "record_not_found", "Record not found."));
    }

    private Reply createPipeline(Request request) throws IOException {
        JsonNode spec = json.readTree(request.body()).path("pipeline");
        String name = spec.path("name").asText("");
        if (name.isBlank()) {
            return error(200, "record_invalid", "Pipeline name cannot be empty.");
        }
        return ok(json.createObjectNode()
                .set("pipeline", pipelines.create(name, spec.path("type").asText())));
    }

    private Reply createBlock(String pipelineUuid, Request request) throws IOException {
        Object added = pipelines.addBlock(
                pipelineUuid, (ObjectNode) json.readTree(request.body()).path("block"));
        return added instanceof ObjectNode block
                ? ok(json.createObjectNode().set("block", block))
                : error(400, "api_resource_error", (String) added);
    }

    private Reply updateBlock(String pipelineUuid, String blockUuid, Request request) throws IOException {
        ObjectNode block = pipelines.updateBlock(pipelineUuid, blockUuid, (ObjectNode)
                json.readTree(request.body()).path("block"));
        return block == null
                ? error(404, "record_not_found", "Record not found.")
                : ok(json.createObjectNode().set("block", block));
    }

    private Reply listSchedules(String pipelineUuid) {
        ObjectNode reply = json.createObjectNode();
        ArrayNode list = reply.putArray("pipeline_schedules");
        schedules.values().stream()
                .filter(s -> s.path("pipeline_uuid").asText().equals(pipelineUuid))
                .forEach(s -> list.add(shown(s)));
        reply.putObject("metadata").put("count", list.size()).put("next", false);
        return new Reply(200, reply);
    }

    private Reply createSchedule(String pipelineUuid, Request request) throws IOException {
        JsonNode spec = json.readTree(request.body()).path("pipeline_schedule");
        long id = addApiTrigger(
                pipelineUuid,
                spec.path("name").asText(),
                "tok" + Long.toHexString(System.nanoTime()) + "0123456789abcdef",
                spec.path("status").asText("inactive"));
        schedules.get(id).put("schedule_type", spec.path("schedule_type").asText());
        return ok(json.createObjectNode().set("pipeline_schedule", shown(schedules.get(id))));
    }

    private Reply updateSchedule(long id, Request request) throws IOException {
        ObjectNode schedule = schedules.get(id);
        if (schedule == null) {
            return error(404, "record_not_found", "Record not found.");
        }
        JsonNode spec = json.readTree(request.body()).path("pipeline_schedule");
        if (spec.has("status")) {
            schedule.put("status", spec.path("status").asText());
        }
        if (spec.path("rotate_token").asBoolean(false)) {
            schedule.put("token", "rot" + Long.toHexString(System.nanoTime()) + "fedcba9876543210");
            return ok(json.createObjectNode().set("pipeline_schedule", schedule.deepCopy()));
        }
        return ok(json.createObjectNode().set("pipeline_schedule", shown(schedule)));
    }

    private ObjectNode shown(ObjectNode schedule) {
        ObjectNode copy = schedule.deepCopy();
        if (hideTokens) {
            copy.put("token", "[API_TOKEN_PLACEHOLDER]");
        }
        return copy;
    }

    private Reply ok(ObjectNode body) {
        body.putNull("metadata");
        return new Reply(200, body);
    }

    private Reply error(int code, String type, String message) {
        return new Reply(200, envelope(code, type, message));
    }

    private ObjectNode envelope(int code, String type, String message) {
        ObjectNode body = json.createObjectNode();
        body.putObject("error").put("code", code).put("message", message).put("type", type);
        body.put("status", 200);
        return body;
    }
}
