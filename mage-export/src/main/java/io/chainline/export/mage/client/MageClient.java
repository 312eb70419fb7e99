package io.chainline.export.mage.client;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.json.Json;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.stage.Cancellation;
import io.chainline.export.mage.MageSettings;

import static java.util.Objects.requireNonNull;

/**
 * Mage's REST API as Chainline uses it: trigger a pipeline run through an API trigger, read a run with its block
 * runs, wait for a terminal status, and provision pipelines, blocks and triggers. Errors Mage reports in an HTTP 200
 * body are {@link MageApiException}s classified by code and type. A request that cannot reach the server, or that a
 * proxy answers with 502, 503 or 504, is retried {@code chainline.mage.connect-retries} times (a trigger only when it
 * surely never arrived), then a {@link io.chainline.core.error.RetriableException} is thrown.
 * Tokens, keys, session cookies and trigger URLs never appear in its log lines or exceptions.
 *
 * <p>The HTTP client belongs to the lifecycle: {@link #create} registers the client there; {@link #close()} stops
 * its threads.
 */
public final class MageClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MageClient.class);

    private final MageSettings settings;
    private final MageTransport transport;
    private final SecretScrubber scrubber = new SecretScrubber();
    private final Runnable onClose;

    /**
     * A client over an HTTP client the caller owns.
     *
     * @throws io.chainline.core.error.ConfigException when {@code chainline.mage.url} is empty
     */
    public MageClient(MageSettings settings, HttpClient http) {
        this(settings, http, () -> {});
    }

    private MageClient(MageSettings settings, HttpClient http, Runnable onClose) {
        this.settings = requireNonNull(settings, "settings is null");
        this.transport = new MageTransport(settings, requireNonNull(http, "http is null"), Json.dataMapper(), scrubber);
        this.onClose = requireNonNull(onClose, "onClose is null");
    }

    /**
     * A client with an HTTP client of its own, registered with {@code lifecycle}, which closes it.
     *
     * @throws io.chainline.core.error.ConfigException when {@code chainline.mage.url} is empty
     */
    public static MageClient create(MageSettings settings, Lifecycle lifecycle) {
        requireNonNull(settings, "settings is null");
        requireNonNull(lifecycle, "lifecycle is null");
        settings.requireUrl();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "mage-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        HttpClient http = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(settings.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return lifecycle.manage(new MageClient(settings, http, executor::shutdown));
    }

    /** The server as messages show it (no credentials). */
    public String server() {
        return transport.shownBase();
    }

    /**
     * Starts a run through an API trigger. The variables reach the blocks as {@code kwargs}; avoid the names Mage
     * overwrites ({@code env}, {@code event}, {@code execution_date}, {@code ds}, …).
     *
     * @return the new run (its status may be anything, usually {@code initial})
     * @throws MageApiException when Mage refuses the trigger, e.g. {@link MageErrorKind#INVALID_TRIGGER_TOKEN}
     */
    public MageRun trigger(MageTrigger trigger, Map<String, ?> variables) {
        requireNonNull(trigger, "trigger is null");
        requireNonNull(variables, "variables is null");
        transport.remember(trigger.token().reveal());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("pipeline_run").set("variables", transport.objectOf(variables));
        String path = "api/pipeline_schedules/" + trigger.scheduleId() + "/pipeline_runs/"
                + URLEncoder.encode(trigger.token().reveal(), StandardCharsets.UTF_8);
        String what = "trigger pipeline " + trigger.pipelineUuid() + " through schedule " + trigger.scheduleId();
        JsonNode reply = transport.post(path, body, MageTransport.Auth.NONE, what);
        MageRun run = MageReplies.run(MageReplies.record(reply, "pipeline_run", what), scrubber);
        log.info(
                "Triggered {} at {} (status {})",
                run.describe(),
                server(),
                run.status().wire());
        return run;
    }

    /** Reads a run with its block runs. */
    public MageRun run(long runId) {
        String what = "read Mage pipeline run " + runId;
        JsonNode reply = transport.get("api/pipeline_runs/" + runId, what);
        return MageReplies.run(MageReplies.record(reply, "pipeline_run", what), scrubber);
    }

    /**
     * Polls a run until its status is terminal, pausing {@code poll-interval} at first and doubling the pause up to
     * {@code max-poll-interval}.
     *
     * @return the run in its terminal status (completed, failed or cancelled)
     * @throws MageRunException when {@code run-timeout} passes first
     * @throws ChainlineException when {@code cancellation} is set
     */
    public MageRun awaitTerminal(long runId, Cancellation cancellation) {
        requireNonNull(cancellation, "cancellation is null");
        long deadline = System.nanoTime() + settings.runTimeout().toNanos();
        Duration pause = settings.pollInterval();
        MageRunStatus last = null;
        while (true) {
            MageRun run = run(runId);
            if (run.status() != last) {
                log.info("{}: {}", run.describe(), run.status().wire());
                last = run.status();
            }
            if (run.status().terminal()) {
                return run;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw MageRunException.timedOut(run, settings.runTimeout());
            }
            cancellation.throwIfCancelled();
            sleep(Duration.ofNanos(Math.min(pause.toNanos(), remaining)));
            Duration doubled = pause.multipliedBy(2);
            pause = doubled.compareTo(settings.maxPollInterval()) > 0 ? settings.maxPollInterval() : doubled;
        }
    }

    /**
     * Waits for a run like {@link #awaitTerminal} and insists that it completed.
     *
     * @return the completed run
     * @throws MageRunException naming the failed blocks and their errors when the run failed or was cancelled, or
     *         when it did not end in time
     */
    public MageRun awaitCompletion(long runId, Cancellation cancellation) {
        MageRun run = awaitTerminal(runId, cancellation);
        if (run.status() != MageRunStatus.COMPLETED) {
            throw MageRunException.ended(run);
        }
        return run;
    }

    /** The pipeline's block uuids, or empty when there is no such pipeline. */
    public Optional<Set<String>> pipelineBlocks(String pipelineUuid) {
        requireNonNull(pipelineUuid, "pipelineUuid is null");
        String what = "read Mage pipeline " + pipelineUuid;
        JsonNode reply;
        try {
            reply = transport.get("api/pipelines/" + encode(pipelineUuid), what);
        } catch (MageApiException e) {
            if (e.kind() == MageErrorKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        Set<String> blocks = new LinkedHashSet<>();
        for (JsonNode block : MageReplies.record(reply, "pipeline", what).path("blocks")) {
            blocks.add(block.path("uuid").asText());
        }
        return Optional.of(blocks);
    }

    /** Creates a batch ({@code python}) pipeline whose name is its uuid. */
    public void createPipeline(String pipelineUuid) {
        requireNonNull(pipelineUuid, "pipelineUuid is null");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("pipeline").put("name", pipelineUuid).put("type", "python");
        String what = "create Mage pipeline " + pipelineUuid;
        JsonNode pipeline = MageReplies.record(
                transport.post("api/pipelines", body, MageTransport.Auth.API, what), "pipeline", what);
        String uuid = pipeline.path("uuid").asText("");
        if (!uuid.equals(pipelineUuid)) {
            throw new ChainlineException("Cannot " + what + ": Mage created it as '" + uuid + "'");
        }
    }

    /** Adds a block to a pipeline. */
    public void createBlock(String pipelineUuid, MageBlock block) {
        requireNonNull(pipelineUuid, "pipelineUuid is null");
        requireNonNull(block, "block is null");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode node = blockNode(body, block);
        node.put("name", block.uuid()).put("type", block.type()).put("language", block.language());
        String what = "create block " + block.uuid() + " of Mage pipeline " + pipelineUuid;
        MageReplies.record(
                transport.post("api/pipelines/" + encode(pipelineUuid) + "/blocks", body, MageTransport.Auth.API, what),
                "block",
                what);
    }

    /** Replaces an existing block's code and upstream blocks. */
    public void updateBlock(String pipelineUuid, MageBlock block) {
        requireNonNull(pipelineUuid, "pipelineUuid is null");
        requireNonNull(block, "block is null");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        blockNode(body, block);
        String what = "update block " + block.uuid() + " of Mage pipeline " + pipelineUuid;
        MageReplies.record(
                transport.put("api/pipelines/" + encode(pipelineUuid) + "/blocks/" + encode(block.uuid()), body, what),
                "block",
                what);
    }

    /** The pipeline's schedules (triggers). Their tokens are secrets: never log them. */
    public List<MageSchedule> schedules(String pipelineUuid) {
        requireNonNull(pipelineUuid, "pipelineUuid is null");
        String what = "list the triggers of Mage pipeline " + pipelineUuid;
        JsonNode reply = transport.get("api/pipelines/" + encode(pipelineUuid) + "/pipeline_schedules", what);
        List<MageSchedule> schedules = new ArrayList<>();
        for (JsonNode node : reply.path("pipeline_schedules")) {
            schedules.add(remembered(MageReplies.schedule(node)));
        }
        return schedules;
    }

    /** Creates an active API trigger. */
    public MageSchedule createApiTrigger(String pipelineUuid, String name) {
        requireNonNull(pipelineUuid, "pipelineUuid is null");
        requireNonNull(name, "name is null");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("pipeline_schedule")
                .put("name", name)
                .put("schedule_type", "api")
                .put("status", "active")
                .putObject("variables");
        String what = "create API trigger " + name + " of Mage pipeline " + pipelineUuid;
        JsonNode reply = transport.post(
                "api/pipelines/" + encode(pipelineUuid) + "/pipeline_schedules", body, MageTransport.Auth.API, what);
        return remembered(MageReplies.schedule(MageReplies.record(reply, "pipeline_schedule", what)));
    }

    /**
     * Updates a schedule: sets it active and, when {@code rotateToken}, has Mage issue a new token (the only way to
     * read a token that {@code HIDE_API_TRIGGER_TOKEN} hides).
     */
    public MageSchedule updateSchedule(long scheduleId, boolean rotateToken) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode schedule = body.putObject("pipeline_schedule").put("status", "active");
        if (rotateToken) {
            schedule.put("rotate_token", true);
        }
        String what = "update Mage trigger schedule " + scheduleId;
        JsonNode reply = transport.put("api/pipeline_schedules/" + scheduleId, body, what);
        return remembered(MageReplies.schedule(MageReplies.record(reply, "pipeline_schedule", what)));
    }

    /** Stops the HTTP client's threads when this client created them. */
    @Override
    public void close() {
        onClose.run();
    }

    @Override
    public String toString() {
        return "Mage client for " + server();
    }

    private MageSchedule remembered(MageSchedule schedule) {
        transport.remember(schedule.token().reveal());
        return schedule;
    }

    private static ObjectNode blockNode(ObjectNode body, MageBlock block) {
        ObjectNode node = body.putObject("block");
        node.put("content", block.content());
        ArrayNode upstream = node.putArray("upstream_blocks");
        block.upstream().forEach(upstream::add);
        return node;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(Math.max(1, pause.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException("Interrupted while waiting for a Mage pipeline run", e);
        }
    }
}
