package io.chainline.olap.stage;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.chainline.olap.iceberg.PublishListener;
import io.chainline.olap.iceberg.PublishStep;

/**
 * Runs one silver build in a JVM of its own and, when the build reaches a publish step, prints
 * {@code REACHED <step>} and waits there for ever, so the test can kill the process at exactly that point.
 *
 * <p>Arguments: the store root, the build id, the {@link PublishStep} to stop at.
 */
public final class KilledBuildMain {
    private KilledBuildMain() {}

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(args[0]);
        String build = args[1];
        PublishStep stop = PublishStep.valueOf(args[2]);
        CountDownLatch never = new CountDownLatch(1);
        PublishListener waitToBeKilled = (buildId, step) -> {
            if (buildId.equals(build) && step == stop) {
                System.out.println("REACHED " + step);
                System.out.flush();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        new OlapHarness(root)
                .run(build, binder -> binder.bind(PublishListener.class).toInstance(waitToBeKilled));
        System.out.println("FINISHED");
    }
}
