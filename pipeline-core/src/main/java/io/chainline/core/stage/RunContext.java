package io.chainline.core.stage;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import com.typesafe.config.Config;

import static java.util.Objects.requireNonNull;

/**
 * Everything a {@link StageChain} needs to run: the run id, the whole configuration, the clock, where progress goes,
 * the cancellation flag and the state shared between stages.
 *
 * @param runId the run's id, e.g. {@code 20261125-143000-9f3a}
 * @param config the whole (resolved) configuration
 * @param clock the clock stages read time from
 * @param progress where stages report progress
 * @param cancellation the run's cancellation flag
 * @param state values handed between stages
 */
public record RunContext(
        String runId,
        Config config,
        Clock clock,
        ProgressListener progress,
        Cancellation cancellation,
        RunState state) {

    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    public RunContext {
        requireNonNull(runId, "runId is null");
        requireNonNull(config, "config is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(progress, "progress is null");
        requireNonNull(cancellation, "cancellation is null");
        requireNonNull(state, "state is null");
    }

    /** A context with a fresh run id, the system UTC clock, no progress listener and empty state. */
    public static RunContext of(Config config) {
        Clock clock = Clock.systemUTC();
        return new RunContext(
                newRunId(clock), config, clock, ProgressListener.NONE, new Cancellation(), new RunState());
    }

    /** A new run id: the UTC start time to the second plus four random hex digits, sortable by time. */
    public static String newRunId(Clock clock) {
        byte[] random = new byte[2];
        new SecureRandom().nextBytes(random);
        return RUN_ID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
    }

    /** This context with another progress listener. */
    public RunContext withProgress(ProgressListener listener) {
        return new RunContext(runId, config, clock, listener, cancellation, state);
    }

    /** This context with another cancellation flag, e.g. a {@link Cancellation#child()} for a parallel group. */
    public RunContext withCancellation(Cancellation flag) {
        return new RunContext(runId, config, clock, progress, flag, state);
    }

    /** The context one stage of this run sees. */
    public StageContext forStage(Stage stage) {
        String path = stage.configPath();
        Config subtree = config.hasPath(path) ? config.getConfig(path) : config.withOnlyPath("_none_");
        return new StageContext(stage.name(), runId, subtree, clock, progress, cancellation, state);
    }
}
