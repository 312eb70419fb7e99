package io.chainline.olap.stage;

import java.net.URI;

import io.chainline.core.stage.RunState;

import static java.util.Objects.requireNonNull;

/**
 * What a successful star-schema build hands to later stages of the run (under {@link #KEY}), e.g. an export that
 * reconciles its loaded row counts.
 *
 * @param manifestUri the published {@code silver/_manifest.json}
 * @param runId the run whose version it publishes
 * @param distinctOrderItems the distinct order items conformed, which {@code fact_order} has one row each for
 */
public record OlapResult(URI manifestUri, String runId, long distinctOrderItems) {
    /** The run-state key the olap-transform stage stores its result under. */
    public static final RunState.Key<OlapResult> KEY = RunState.Key.of("olap.result", OlapResult.class);

    public OlapResult {
        requireNonNull(manifestUri, "manifestUri is null");
        requireNonNull(runId, "runId is null");
    }
}
