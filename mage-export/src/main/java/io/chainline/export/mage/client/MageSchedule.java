package io.chainline.export.mage.client;

import io.chainline.core.config.Secret;

import static java.util.Objects.requireNonNull;

/**
 * A pipeline schedule (trigger) as Mage describes it.
 *
 * @param id the schedule id, part of the trigger URL
 * @param name its name
 * @param pipelineUuid its pipeline
 * @param scheduleType e.g. {@code api}, {@code time}, {@code event}
 * @param status {@code active} or {@code inactive}
 * @param token the API trigger's token; empty when Mage hides it ({@code HIDE_API_TRIGGER_TOKEN})
 */
public record MageSchedule(
        long id, String name, String pipelineUuid, String scheduleType, String status, Secret token) {
    /** What Mage shows instead of the token when {@code HIDE_API_TRIGGER_TOKEN} is set. */
    static final String HIDDEN_TOKEN = "[API_TOKEN_PLACEHOLDER]";

    public MageSchedule {
        requireNonNull(name, "name is null");
        requireNonNull(pipelineUuid, "pipelineUuid is null");
        requireNonNull(scheduleType, "scheduleType is null");
        requireNonNull(status, "status is null");
        requireNonNull(token, "token is null");
    }

    /** Whether this is an API trigger. */
    public boolean isApiTrigger() {
        return "api".equals(scheduleType);
    }

    /** Whether it is active. */
    public boolean isActive() {
        return "active".equals(status);
    }
}
