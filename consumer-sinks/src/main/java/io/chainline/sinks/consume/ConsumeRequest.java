package io.chainline.sinks.consume;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/**
 * What one consume run does.
 *
 * @param untilCaughtUp drain to the end offsets and stop (the batch use); else run until stopped
 * @param sinks the sinks to write to by registered type name; empty for {@code chainline.sinks.enabled}
 * @param upstreamDone with {@code untilCaughtUp}: completes when the producer feeding the topic is done, and the end
 *        offsets to drain to are taken then (a consume running alongside its ingest); already complete for "the end
 *        offsets seen at start". Completed exceptionally, the consume stops after making what it has durable.
 */
public record ConsumeRequest(boolean untilCaughtUp, Set<String> sinks, CompletableFuture<?> upstreamDone) {

    public ConsumeRequest {
        sinks = Set.copyOf(requireNonNull(sinks, "sinks is null"));
        requireNonNull(upstreamDone, "upstreamDone is null");
    }

    /** A consume that drains to the end offsets seen at start ({@code untilCaughtUp}) or runs until stopped. */
    public ConsumeRequest(boolean untilCaughtUp, Set<String> sinks) {
        this(untilCaughtUp, sinks, CompletableFuture.completedFuture(null));
    }

    /** Drain what is there now into the enabled sinks. */
    public static ConsumeRequest drain() {
        return new ConsumeRequest(true, Set.of());
    }

    /** Consume while {@code upstream} produces, then drain to the end offsets there are when it completes. */
    public static ConsumeRequest drainAfter(CompletableFuture<?> upstream) {
        return new ConsumeRequest(true, Set.of(), upstream);
    }
}
