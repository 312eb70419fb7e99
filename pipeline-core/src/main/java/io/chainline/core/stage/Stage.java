package io.chainline.core.stage;

import java.util.Objects;
import java.util.function.Function;

/**
 * One step of a pipeline: ingest a source into Kafka, drain Kafka into sinks, build the star schema, export it.
 *
 * <p>What {@link #run} may assume: its settings were read and validated before any stage of the run started, and
 * every resource it was given (clients, connections, sessions) is open; it must not close them, the lifecycle that
 * created them does. What it must guarantee: when it returns, everything its report counts is durable, and running
 * it again with the same input does not duplicate output (stages are idempotent or say in their Javadoc why not).
 * It reports failures by throwing a {@link io.chainline.core.error.ChainlineException} (or any runtime exception),
 * never by returning a report that hides one; it checks {@link StageContext#cancellation()} at safe points.
 */
public interface Stage {

    /** A short, stable, kebab-case name used in reports and logs, e.g. {@code ingest-csv}. */
    String name();

    /**
     * The configuration subtree this stage reads, handed to it as {@link StageContext#config()};
     * by default the whole {@code chainline} tree.
     */
    default String configPath() {
        return "chainline";
    }

    /**
     * Runs the stage once.
     *
     * @param context run id, clock, configuration subtree, progress listener, cancellation and shared run state
     * @return what the stage did: rows in and out, rejects, bytes, outputs, checks
     * @throws io.chainline.core.error.ChainlineException when the stage cannot complete its work
     */
    StageReport run(StageContext context);

    /**
     * A stage made of a name and a function, for small custom steps and tests:
     * {@code Stage.of("audit", context -> StageReport.builder("audit").build())}.
     */
    static Stage of(String name, Function<StageContext, StageReport> body) {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(body, "body is null");
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StageReport run(StageContext context) {
                return body.apply(context);
            }

            @Override
            public String toString() {
                return "Stage[" + name + "]";
            }
        };
    }
}
