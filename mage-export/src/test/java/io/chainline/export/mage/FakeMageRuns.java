package io.chainline.export.mage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The pipeline runs of {@link FakeMage}: each follows a script of states, one step per read; the last repeats. */
final class FakeMageRuns {
    private final ObjectMapper json;
    private final AtomicLong ids;
    private final Map<Long, List<ObjectNode>> scripts = new LinkedHashMap<>();
    private List<ObjectNode> nextScript = List.of();

    FakeMageRuns(ObjectMapper json, AtomicLong ids) {
        this.json = json;
        this.ids = ids;
    }

    /** The states the next started run goes through; a run without a script completes at once. */
    synchronized void scriptNext(List<ObjectNode> states) {
        nextScript = List.copyOf(states);
    }

    /** A run state: its status and block runs, with datetimes in Mage's str(datetime) forms. */
    ObjectNode state(String status, ObjectNode... blockRuns) {
        ObjectNode run = json.createObjectNode()
                .put("status", status)
                .put("created_at", "2026-11-25 12:00:00.123456+00:00")
                .put("started_at", "2026-11-25 12:00:01")
                .putNull("completed_at");
        ArrayNode blocks = run.putArray("block_runs");
        for (ObjectNode block : blockRuns) {
            blocks.add(block);
        }
        return run;
    }

    /** A block run with an isoformat() start; an error message goes to {@code metrics.error.message}. */
    ObjectNode blockRun(String uuid, String status, String errorMessage) {
        ObjectNode block = json.createObjectNode()
                .put("id", ids.incrementAndGet())
                .put("block_uuid", uuid)
                .put("status", status)
                .put("started_at", "2026-11-25T12:00:02.5")
                .put("completed_at", "2026-11-25 12:00:07.500000+00:00")
                .putNull("metrics");
        if (errorMessage != null) {
            block.putObject("metrics")
                    .putObject("error")
                    .put("error", errorMessage)
                    .put("message", errorMessage)
                    .putArray("errors")
                    .add("Traceback ...");
        }
        return block;
    }

    /** Starts a run of {@code pipeline} through schedule {@code scheduleId}; returns the trigger reply's record. */
    synchronized ObjectNode start(long scheduleId, String pipeline, JsonNode variables) {
        long id = ids.incrementAndGet();
        scripts.put(id, new ArrayList<>(nextScript.isEmpty() ? List.of(state("completed")) : nextScript));
        ObjectNode run = json.createObjectNode()
                .put("id", id)
                .put("pipeline_schedule_id", scheduleId)
                .put("pipeline_uuid", pipeline)
                .put("status", "initial")
                .put("created_at", "2026-11-25 12:00:00")
                .putNull("started_at")
                .putNull("completed_at");
        run.set("variables", variables);
        return run;
    }

    /** The run's next state, or empty for an unknown id. */
    synchronized Optional<ObjectNode> read(long id) {
        List<ObjectNode> script = scripts.get(id);
        if (script == null) {
            return Optional.empty();
        }
        ObjectNode state = script.size() > 1 ? script.remove(0) : script.get(0);
        return Optional.of(state.deepCopy().put("id", id).put("pipeline_uuid", "chainline_export"));
    }
}
