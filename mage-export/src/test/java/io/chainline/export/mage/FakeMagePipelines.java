package io.chainline.export.mage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The pipelines and blocks of {@link FakeMage}: those created through the API, and those written as files into the
 * project directory (read from their metadata.yaml, as Mage does). Returns null or empty where Mage answers
 * {@code record_not_found}.
 */
final class FakeMagePipelines {
    private final ObjectMapper json;
    private final Map<String, ObjectNode> created = new LinkedHashMap<>();
    private Path projectDir;

    FakeMagePipelines(ObjectMapper json) {
        this.json = json;
    }

    synchronized void projectDir(Path dir) {
        projectDir = dir;
    }

    synchronized Map<String, ObjectNode> created() {
        return Map.copyOf(created);
    }

    /** The pipeline, from the API's records or the project directory. */
    synchronized Optional<ObjectNode> read(String uuid) throws IOException {
        ObjectNode pipeline = created.get(uuid);
        if (pipeline == null && projectDir != null) {
            Path metadata = projectDir.resolve("pipelines").resolve(uuid).resolve("metadata.yaml");
            if (Files.exists(metadata)) {
                pipeline = (ObjectNode) new YAMLMapper().readTree(metadata.toFile());
            }
        }
        return Optional.ofNullable(pipeline);
    }

    /** Creates a pipeline whose uuid is its name. */
    synchronized ObjectNode create(String name, String type) {
        ObjectNode pipeline =
                json.createObjectNode().put("uuid", name).put("name", name).put("type", type);
        pipeline.putArray("blocks");
        created.put(name, pipeline);
        return pipeline;
    }

    /**
     * Adds a block; its uuid is its name.
     *
     * @return the block, or an error message when the pipeline or an upstream block does not exist
     */
    synchronized Object addBlock(String pipelineUuid, ObjectNode spec) {
        ObjectNode pipeline = created.get(pipelineUuid);
        if (pipeline == null) {
            return "Record not found.";
        }
        for (JsonNode upstream : spec.path("upstream_blocks")) {
            if (find(pipeline, upstream.asText()) == null) {
                return "Upstream block " + upstream.asText() + " does not exist.";
            }
        }
        ObjectNode block = spec.deepCopy().put("uuid", spec.path("name").asText());
        ((ArrayNode) pipeline.get("blocks")).add(block);
        return block;
    }

    /** Updates a block's fields and marks it {@code updated}; null when there is no such block. */
    synchronized ObjectNode updateBlock(String pipelineUuid, String blockUuid, ObjectNode spec) {
        ObjectNode pipeline = created.get(pipelineUuid);
        ObjectNode block = pipeline == null ? null : find(pipeline, blockUuid);
        if (block != null) {
            block.setAll(spec);
            block.put("updated", true);
        }
        return block;
    }

    private static ObjectNode find(ObjectNode pipeline, String blockUuid) {
        for (JsonNode block : pipeline.path("blocks")) {
            if (block.path("uuid").asText().equals(blockUuid)) {
                return (ObjectNode) block;
            }
        }
        return null;
    }
}
