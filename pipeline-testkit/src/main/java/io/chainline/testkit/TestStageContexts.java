package io.chainline.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.typesafe.config.Config;

import io.chainline.core.stage.Cancellation;
import io.chainline.core.stage.ProgressListener;
import io.chainline.core.stage.RunContext;
import io.chainline.core.stage.RunState;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageContext;

/** Contexts for running stages and chains in tests: a fixed run id and clock, no progress output. */
public final class TestStageContexts {
    /** The run id every test context uses. */
    public static final String RUN_ID = "20261125-120000-test";
    /** The instant the test clock is fixed at. */
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private TestStageContexts() {}

    /** A run context over {@code config} with a fixed clock. */
    public static RunContext run(Config config) {
        return new RunContext(
                RUN_ID,
                config,
                Clock.fixed(NOW, ZoneOffset.UTC),
                ProgressListener.NONE,
                new Cancellation(),
                new RunState());
    }

    /** The context {@code stage} sees when it runs in {@link #run(Config)}. */
    public static StageContext forStage(Stage stage, Config config) {
        return run(config).forStage(stage);
    }
}
