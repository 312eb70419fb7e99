package io.chainline.runner.cli;

import java.util.concurrent.CompletableFuture;

import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageContext;
import io.chainline.core.stage.StageReport;

import static java.util.Objects.requireNonNull;

/**
 * A stage that completes a future when it ends: normally when it succeeded, exceptionally when it failed. A consume
 * running alongside its ingest waits for it to know when to drain to the end.
 */
final class SignallingStage implements Stage {
    private final Stage stage;
    private final CompletableFuture<Void> done;

    SignallingStage(Stage stage, CompletableFuture<Void> done) {
        this.stage = requireNonNull(stage, "stage is null");
        this.done = requireNonNull(done, "done is null");
    }

    @Override
    public String name() {
        return stage.name();
    }

    @Override
    public String configPath() {
        return stage.configPath();
    }

    @Override
    public StageReport run(StageContext context) {
        try {
            StageReport report = stage.run(context);
            done.complete(null);
            return report;
        } catch (RuntimeException | Error e) {
            done.completeExceptionally(e);
            throw e;
        }
    }
}
