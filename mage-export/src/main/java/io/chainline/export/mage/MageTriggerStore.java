package io.chainline.export.mage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.chainline.core.config.Secret;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.json.Json;
import io.chainline.core.state.StateDirectory;
import io.chainline.export.mage.client.MageTrigger;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the Mage pipeline's API trigger (schedule id and token) in the state directory, in {@code mage/trigger.json}
 * readable only by its owner (0600), so that the export finds it without anything pasted by hand.
 */
public final class MageTriggerStore {
    /** The file's path inside the state directory. */
    public static final String FILE = "mage/trigger.json";

    private final StateDirectory state;
    private final ObjectMapper json = Json.dataMapper();

    /** A store in {@code state}. */
    public MageTriggerStore(StateDirectory state) {
        this.state = requireNonNull(state, "state is null");
    }

    /** The file the trigger is kept in. */
    public Path file() {
        return state.resolve(FILE);
    }

    /** Stores the trigger, replacing the previous one, in a file only its owner can read. */
    public void save(MageTrigger trigger) {
        requireNonNull(trigger, "trigger is null");
        ObjectNode node = json.createObjectNode()
                .put("pipeline", trigger.pipelineUuid())
                .put("name", trigger.name())
                .put("scheduleId", trigger.scheduleId())
                .put("token", trigger.token().reveal());
        try {
            state.writeSecretFile(file(), json.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the Mage trigger of " + trigger.pipelineUuid(), e);
        }
    }

    /**
     * The stored trigger, if {@code chainline start-mage} stored one.
     *
     * @throws ChainlineException naming the file when it cannot be read or is not a trigger
     */
    public Optional<MageTrigger> load() {
        Path file = file();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ChainlineException("Cannot read the Mage trigger file " + file + ": " + e, e);
        }
        try {
            JsonNode node = json.readTree(new String(bytes, StandardCharsets.UTF_8));
            return Optional.of(new MageTrigger(
                    node.path("pipeline").asText(""),
                    node.path("name").asText(""),
                    node.path("scheduleId").asLong(),
                    Secret.of(node.path("token").asText(""))));
        } catch (IOException | RuntimeException e) {
            // The parser's message may quote the file's content, which holds the token.
            throw new ChainlineException("The Mage trigger file " + file + " is not a stored trigger: run"
                    + " `chainline start-mage` again to replace it");
        }
    }
}
