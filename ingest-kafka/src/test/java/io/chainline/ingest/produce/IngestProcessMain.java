package io.chainline.ingest.produce;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import io.chainline.core.stage.ProgressListener;
import io.chainline.core.stage.RunReport;
import io.chainline.ingest.source.IngestRequest;

/**
 * An ingest in a JVM of its own, for kill tests. Prints {@code PROGRESS <rows>} as rows are read; with a pause
 * point it prints {@code PAUSED <rows>} and blocks inside the open Kafka transaction once that many rows were read,
 * so that the test can kill it there. Ends with {@code DONE <read> <sent> <rejected>}.
 *
 * <p>Arguments: bootstrap, state dir, topic prefix, pause point (-1 for none), then {@code csv <path>} or
 * {@code jdbc <url> <table> <cursor-column>}.
 */
public final class IngestProcessMain {

    private IngestProcessMain() {}

    public static void main(String[] args) throws InterruptedException {
        long pauseAt = Long.parseLong(args[3]);
        IngestHarness harness;
        IngestRequest request;
        if (args[4].equals("csv")) {
            harness = new IngestHarness(args[0], Path.of(args[1]), args[2], "chainline.ingest.transaction-rows=1000");
            request = IngestRequest.csv(args[5]);
        } else {
            harness = new IngestHarness(
                    args[0],
                    Path.of(args[1]),
                    args[2],
                    "chainline.ingest.transaction-rows=1000",
                    "chainline.ingest.jdbc.url=" + args[5],
                    "chainline.ingest.jdbc.user=postgres",
                    "chainline.ingest.jdbc.table=" + args[6],
                    "chainline.ingest.jdbc.cursor-column=" + args[7]);
            request = IngestRequest.jdbcStore();
        }
        CountDownLatch never = new CountDownLatch(1);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(String stage, long done, long total, String unit) {
                System.out.println("PROGRESS " + done);
                if (pauseAt >= 0 && done >= pauseAt) {
                    System.out.println("PAUSED " + done);
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        RunReport report = harness.ingest(request, listener);
        var stage = report.stages().get(0);
        System.out.println(
                "DONE " + stage.rowsIn() + " " + stage.rowsOut() + " " + stage.rowsRejected() + " " + report.status());
    }
}
