package io.chainline.export.mage.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.redact.Redactor;
import io.chainline.export.mage.MageSettings;

import static java.util.Objects.requireNonNull;

/**
 * Sends requests to Mage and checks replies: authentication headers (API key, session cookie), bounded retries of
 * requests that cannot reach the server, the {@code error} envelope of HTTP 200 replies, and scrubbing of every
 * secret from what it logs and throws. A request is named by a description without secrets ("read pipeline run
 * 17"), never by its URL.
 */
final class MageTransport {
    private static final Logger log = LoggerFactory.getLogger(MageTransport.class);
    /** Statuses of a proxy in front of Mage while Mage restarts: worth another try. */
    private static final Set<Integer> GATEWAY_ERRORS = Set.of(502, 503, 504);

    /** Whether a request carries the API key and session, or only what its URL holds (the trigger endpoint). */
    enum Auth {
        /** {@code X-API-KEY} and, when configured, the session cookie. */
        API,
        /** Nothing: the trigger token in the path is the credential. */
        NONE
    }

    private final MageSettings settings;
    private final HttpClient http;
    private final URI base;
    private final String shownBase;
    private final ObjectMapper json;
    private final SecretScrubber scrubber;
    private final AtomicReference<String> session = new AtomicReference<>();

    MageTransport(MageSettings settings, HttpClient http, ObjectMapper json, SecretScrubber scrubber) {
        this.settings = requireNonNull(settings, "settings is null");
        this.http = requireNonNull(http, "http is null");
        this.json = requireNonNull(json, "json is null");
        this.scrubber = requireNonNull(scrubber, "scrubber is null");
        URI url = settings.requireUrl();
        this.base = url.toString().endsWith("/") ? url : URI.create(url + "/");
        this.shownBase = Redactor.redactText(base.getScheme() + "://" + base.getAuthority() + base.getPath());
        scrubber.remember(settings.apiKey().reveal());
        scrubber.remember(settings.password().reveal());
    }

    /** The server as messages show it: scheme, host, port and base path, no credentials or query. */
    String shownBase() {
        return shownBase;
    }

    /** GETs {@code path} (relative to the base URL, without a leading slash). */
    JsonNode get(String path, String what) {
        return exchange("GET", path, null, Auth.API, what, true);
    }

    /** POSTs {@code body} to {@code path}. */
    JsonNode post(String path, JsonNode body, Auth auth, String what) {
        return exchange("POST", path, body, auth, what, false);
    }

    /** PUTs {@code body} to {@code path}. */
    JsonNode put(String path, JsonNode body, String what) {
        return exchange("PUT", path, body, Auth.API, what, true);
    }

    /** Remembers a secret that must never appear in logs or exceptions, e.g. a trigger token. */
    void remember(String secret) {
        scrubber.remember(secret);
    }

    /** Text from Mage or about a request, safe to log and throw. */
    String scrub(String text) {
        return scrubber.scrub(text);
    }

    private JsonNode exchange(String method, String path, JsonNode body, Auth auth, String what, boolean idempotent) {
        boolean sessionRenewed = false;
        while (true) {
            HttpRequest request = request(method, path, body, auth, what);
            HttpResponse<String> response = send(request, what, idempotent);
            try {
                return check(response, what);
            } catch (MageApiException e) {
                if (e.kind() == MageErrorKind.INVALID_SESSION
                        && auth == Auth.API
                        && settings.usesSession()
                        && !sessionRenewed) {
                    // A session may expire between two polls of a long run: log in again, once.
                    session.set(null);
                    sessionRenewed = true;
                    log.info("The Mage session expired; logging in again to {}", scrub(what));
                    continue;
                }
                throw e;
            }
        }
    }

    private HttpRequest request(String method, String path, JsonNode body, Auth auth, String what) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (auth == Auth.API) {
            if (!settings.apiKey().isEmpty()) {
                builder.header("X-API-KEY", settings.apiKey().reveal());
            }
            if (settings.usesSession()) {
                builder.header("Cookie", "oauth_token=" + sessionToken(what));
            }
        }
        return builder.build();
    }

    private String sessionToken(String what) {
        String token = session.get();
        if (token != null) {
            return token;
        }
        ObjectNode credentials = JsonNodeFactory.instance.objectNode();
        credentials
                .putObject("session")
                .put(settings.user().contains("@") ? "email" : "username", settings.user())
                .put("password", settings.password().reveal());
        HttpRequest.Builder login = HttpRequest.newBuilder(base.resolve("api/sessions"))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(credentials)));
        if (!settings.apiKey().isEmpty()) {
            login.header("X-API-KEY", settings.apiKey().reveal());
        }
        String loginWhat = "log in to Mage as " + settings.user() + " (to " + what + ")";
        JsonNode reply = check(send(login.build(), loginWhat, false), loginWhat);
        String jwt = reply.path("session").path("token").asText("");
        if (jwt.isEmpty()) {
            throw new ChainlineException("Cannot " + loginWhat + ": Mage's reply holds no session token");
        }
        scrubber.remember(jwt);
        session.set(jwt);
        return jwt;
    }

    private HttpResponse<String> send(HttpRequest request, String what, boolean idempotent) {
        int retries = settings.connectRetries();
        Duration pause = settings.retryBackoff();
        for (int attempt = 0; ; attempt++) {
            IOException failure = null;
            HttpResponse<String> response = null;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChainlineException("Interrupted while trying to " + scrub(what) + " at " + shownBase, e);
            } catch (IOException e) {
                failure = e;
            }
            boolean gatewayError = response != null && GATEWAY_ERRORS.contains(response.statusCode());
            if (response != null && !gatewayError) {
                return response;
            }
            String problem = failure != null ? scrub(describe(failure)) : "HTTP " + response.statusCode();
            // A request that never reached Mage is safe to send again; any other only when it is idempotent, so a
            // trigger that may have been received is not fired twice.
            boolean neverSent = failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException;
            if (attempt >= retries || !(neverSent || idempotent)) {
                String attempts = (attempt + 1) + (attempt == 0 ? " attempt" : " attempts");
                throw new RetriableException(
                        "Cannot " + scrub(what) + ": Mage at " + shownBase + " is "
                                + (gatewayError ? "not available" : "unreachable") + " (" + problem + ") after "
                                + attempts,
                        failure);
            }
            log.warn(
                    "Cannot reach Mage at {} to {} ({}); retry {} of {} in {} ms",
                    shownBase,
                    scrub(what),
                    problem,
                    attempt + 1,
                    retries,
                    pause.toMillis());
            pause(pause);
            pause = pause.multipliedBy(2);
        }
    }

    private JsonNode check(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        JsonNode body = readOrNull(response.body());
        JsonNode error = body == null ? null : body.get("error");
        if (error != null && error.isObject()) {
            throw apiError(error, status, what);
        }
        if (status >= 400) {
            MageErrorKind kind = MageErrorKind.classify(status, null, null);
            throw new MageApiException(
                    "Cannot " + scrub(what) + ": Mage at " + shownBase + " answered HTTP " + status + ": "
                            + kind.explanation(),
                    kind,
                    status);
        }
        if (body == null || !body.isObject()) {
            throw new ChainlineException("Cannot " + scrub(what) + ": Mage at " + shownBase + " answered HTTP " + status
                    + " with a body that is not a JSON object");
        }
        return body;
    }

    private MageApiException apiError(JsonNode error, int httpStatus, String what) {
        int code = error.path("code").asInt(httpStatus);
        String type = error.path("type").asText(null);
        String exception = error.path("exception").asText(null);
        MageErrorKind kind = MageErrorKind.classify(code, type, exception);
        StringBuilder message = new StringBuilder("Cannot ")
                .append(scrub(what))
                .append(": Mage at ")
                .append(shownBase)
                .append(" answered ")
                .append(type == null ? "an error" : type)
                .append(" (code ")
                .append(code);
        if (httpStatus != 200) {
            message.append(", HTTP ").append(httpStatus);
        }
        message.append("): ").append(kind.explanation());
        // Envelope B's message is a traceback and its url_parameters echo the token: only the exception's
        // first line is shown, scrubbed.
        String detail = exception != null ? exception : error.path("message").asText("");
        if (!detail.isBlank() && kind != MageErrorKind.INVALID_API_KEY) {
            message.append(" [Mage: ")
                    .append(scrub(detail.lines().findFirst().orElse("")))
                    .append("]");
        }
        return new MageApiException(message.toString(), kind, code);
    }

    private JsonNode readOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON request body", e);
        }
    }

    private static String describe(IOException failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        return Redactor.redactText(text);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException("Interrupted while waiting to retry a Mage request", e);
        }
    }

    /** The variables as a JSON object. */
    ObjectNode objectOf(Map<String, ?> values) {
        return json.valueToTree(values);
    }
}
