package io.chainline.sinks.consume;

import java.nio.file.Path;
import java.util.Set;

import io.chainline.core.stage.ProgressListener;
import io.chainline.core.stage.RunReport;
import io.chainline.sinks.SinksModule;

/**
 * A consume run in a JVM of its own, for kill tests: prints {@code BATCH <consumed>} after every committed batch
 * and {@code DONE <consumed> <status>} at the end; with a pause batch, blocks inside that batch.
 *
 * <p>Arguments: bootstrap, JDBC URL, state dir, topic, pause batch (-1 for none).
 */
public final class ConsumeProcessMain {

    private ConsumeProcessMain() {}

    public static void main(String[] args) {
        SinksHarness harness =
                new SinksHarness(args[0], args[1], Path.of(args[2]), args[3], SinksHarness.FAST_REBALANCE);
        long pauseAt = Long.parseLong(args[4]);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(String stage, long done, long total, String unit) {
                System.out.println("BATCH " + done);
            }
        };
        RunReport report = harness.consume(
                new ConsumeRequest(true, Set.of("postgres", "raw", "pause")),
                listener,
                binder -> SinksModule.addSink(binder, "pause").toInstance(new PauseSink(pauseAt)));
        System.out.println("DONE " + report.stages().get(0).rowsIn() + " " + report.status());
    }
}
