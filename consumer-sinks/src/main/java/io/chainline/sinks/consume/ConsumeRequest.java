package io.chainline.sinks.consume;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What one consume run does.
 *
 * @param untilCaughtUp drain to the end offsets seen at start and stop (the batch use); else run until stopped
 * @param sinks the sinks to write to by type; empty for {@code chainline.sinks.enabled}
 */
public record ConsumeRequest(boolean untilCaughtUp, Set<String> sinks) {

    public ConsumeRequest {
        sinks = Set.copyOf(requireNonNull(sinks, "sinks is null"));
    }

    /** Drain what is there now into the enabled sinks. */
    public static ConsumeRequest drain() {
        return new ConsumeRequest(true, Set.of());
    }
}
