package io.chainline.export.mage.provision;

import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What {@code chainline start-mage} provisioned. Holds no token.
 *
 * @param server the Mage server (no credentials)
 * @param pipeline the pipeline's uuid
 * @param method {@code files} (written into {@code projectDir}) or {@code api}
 * @param blocks the pipeline's block uuids, loaders first
 * @param manifestRunId the run id of the manifest the blocks were generated for
 * @param triggerName the API trigger's name
 * @param triggerScheduleId the API trigger's schedule id
 * @param triggerCreated whether the trigger was created now (else an existing one was reused)
 * @param triggerFile the state file that keeps the trigger's id and token (mode 0600)
 */
public record ProvisionResult(
        String server,
        String pipeline,
        String method,
        List<String> blocks,
        String manifestRunId,
        String triggerName,
        long triggerScheduleId,
        boolean triggerCreated,
        Path triggerFile) {

    public ProvisionResult {
        requireNonNull(server, "server is null");
        requireNonNull(pipeline, "pipeline is null");
        requireNonNull(method, "method is null");
        blocks = List.copyOf(requireNonNull(blocks, "blocks is null"));
        requireNonNull(manifestRunId, "manifestRunId is null");
        requireNonNull(triggerName, "triggerName is null");
        requireNonNull(triggerFile, "triggerFile is null");
    }
}
