package io.chainline.export.mage.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.chainline.core.config.Secret;
import io.chainline.core.error.ChainlineException;

/** Reads the records of Mage's replies into this package's types. */
final class MageReplies {

    private MageReplies() {}

    /** The record under {@code key} of a reply, e.g. {@code pipeline_run}. */
    static JsonNode record(JsonNode reply, String key, String what) {
        JsonNode node = reply.get(key);
        if (node == null || !node.isObject()) {
            throw new ChainlineException("Cannot " + what + ": Mage's reply holds no '" + key + "' object");
        }
        return node;
    }

    /** A pipeline run with its block runs (none in the reply to a trigger). */
    static MageRun run(JsonNode node, SecretScrubber scrubber) {
        List<MageBlockRun> blocks = new ArrayList<>();
        for (JsonNode block : node.path("block_runs")) {
            blocks.add(blockRun(block, scrubber));
        }
        return new MageRun(
                node.path("id").asLong(),
                node.path("pipeline_uuid").asText(""),
                node.path("pipeline_schedule_id").asLong(),
                MageRunStatus.of(node.path("status").asText(null)),
                MageTimestamps.parse(text(node, "created_at")),
                MageTimestamps.parse(text(node, "started_at")),
                MageTimestamps.parse(text(node, "completed_at")),
                blocks);
    }

    /** One block run; {@code metrics.error.message} is kept shortened and scrubbed. */
    static MageBlockRun blockRun(JsonNode node, SecretScrubber scrubber) {
        JsonNode error = node.path("metrics").path("error");
        Optional<String> message = Optional.ofNullable(text(error, "message"))
                .or(() -> Optional.ofNullable(text(error, "error")))
                .map(scrubber::scrub)
                .filter(text -> !text.isBlank());
        return new MageBlockRun(
                node.path("id").asLong(),
                node.path("block_uuid").asText(""),
                MageBlockRunStatus.of(node.path("status").asText(null)),
                MageTimestamps.parse(text(node, "started_at")),
                MageTimestamps.parse(text(node, "completed_at")),
                message);
    }

    /** A pipeline schedule; a hidden token becomes the empty secret. */
    static MageSchedule schedule(JsonNode node) {
        String token = node.path("token").asText("");
        return new MageSchedule(
                node.path("id").asLong(),
                node.path("name").asText(""),
                node.path("pipeline_uuid").asText(""),
                node.path("schedule_type").asText(""),
                node.path("status").asText(""),
                MageSchedule.HIDDEN_TOKEN.equals(token) ? Secret.empty() : Secret.of(token));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
