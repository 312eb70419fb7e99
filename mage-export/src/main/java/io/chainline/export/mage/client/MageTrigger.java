package io.chainline.export.mage.client;

import io.chainline.core.config.Secret;

import static java.util.Objects.requireNonNull;

/**
 * What starts a run of a pipeline: its API trigger's schedule id and token. The token is the credential; it prints
 * as {@code [hidden]}.
 *
 * @param pipelineUuid the pipeline the trigger runs
 * @param name the trigger's name
 * @param scheduleId the schedule id
 * @param token the trigger's token
 */
public record MageTrigger(String pipelineUuid, String name, long scheduleId, Secret token) {

    public MageTrigger {
        requireNonNull(pipelineUuid, "pipelineUuid is null");
        requireNonNull(name, "name is null");
        requireNonNull(token, "token is null");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("the token of trigger " + name + " (schedule " + scheduleId
                    + ") is empty; an API trigger needs one");
        }
    }
}
