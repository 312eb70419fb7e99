package io.chainline.sinks.consume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.stage.Cancellation;
import io.chainline.core.stage.ProgressListener;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageReport;
import io.chainline.embedded.postgres.EmbeddedPostgres;
import io.chainline.testkit.Await;
import io.chainline.testkit.EmbeddedServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults around a running consumer on a real broker and PostgreSQL: the topic deleted and recreated under it,
 * PostgreSQL restarted in the middle of a run, and a consumer left idle with a raw file open.
 */
class ConsumeFaultsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final EmbeddedServices services = EmbeddedServices.kafka().withPostgres();

    @TempDir
    Path dir;

    @Test
    void aTopicRecreatedUnderARunningConsumerStopsItNamingBothIdsAndARerunStoresTheNewTopicOnce() throws Exception {
        SinksHarness harness = new SinksHarness(
                services.bootstrapServers(), services.postgres().jdbcUrl(), dir, "recreated", fastMetadata());
        harness.produce(0, 150);
        String oldId = harness.topicId();
        Cancellation cancellation = new Cancellation();
        CompletableFuture<RunReport> running = CompletableFuture.supplyAsync(
                () -> harness.consume(new ConsumeRequest(false, Set.of()), ProgressListener.NONE, cancellation));
        try {
            Await.until(WAIT, "the running consumer stores the first topic's 150 rows", () -> count(harness) == 150);

            harness.recreateTopic();
            String newId = harness.topicId();
            // More records than the old topic had, so that offsets kept from it would skip some of them.
            harness.produce(1_000, 300);

            RunReport stopped = running.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(newId).isNotEqualTo(oldId);
            assertThat(stopped.succeeded()).isFalse();
            assertThat(stopped.stages().get(0).error())
                    .contains("topic recreated was deleted and recreated while consuming (id " + oldId + " → " + newId
                            + "); run again to consume the new topic");
            assertThat(harness.bronze().keySet())
                    .allSatisfy(id -> assertThat(id).startsWith(oldId + "/"));
            assertThat(harness.rawFiles().keySet()).isEqualTo(harness.bronze().keySet());

            RunReport rerun = harness.drain();

            assertThat(rerun.succeeded()).as(String.valueOf(rerun.failure())).isTrue();
            assertThat(rerun.stages().get(0).rowsIn()).isEqualTo(300);
            Map<String, String> bronze = harness.bronze();
            assertThat(bronze).hasSize(450);
            assertThat(bronze.keySet().stream().filter(id -> id.startsWith(newId + "/")))
                    .hasSize(300);
            assertThat(harness.rawFiles().keySet()).isEqualTo(bronze.keySet());
        } finally {
            cancellation.cancel("test over");
            running.handle((report, failure) -> null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Test
    void aPostgresRestartInTheMiddleOfARunIsWaitedOutAndEveryRowLandsOnce() throws Exception {
        Path dataDir = dir.resolve("postgres");
        AtomicReference<EmbeddedPostgres> postgres = new AtomicReference<>(EmbeddedPostgres.start(dataDir));
        try {
            SinksHarness harness = new SinksHarness(
                    services.bootstrapServers(),
                    postgres.get().jdbcUrl(),
                    dir,
                    "restarted",
                    "chainline.sinks.retry.max-elapsed=60s",
                    "chainline.sinks.retry.initial-backoff=100ms",
                    "chainline.sinks.retry.max-backoff=1s");
            harness.produce(0, 3_000);
            AtomicBoolean stopped = new AtomicBoolean();
            CompletableFuture<EmbeddedPostgres> restarted = new CompletableFuture<>();
            ProgressListener stopOnce = new ProgressListener() {
                @Override
                public void progress(String stage, long done, long total, String unit) {
                    if (done >= 1_000 && stopped.compareAndSet(false, true)) {
                        // On the consumer's thread: the next write meets a stopped server, which comes back later.
                        postgres.get().close();
                        CompletableFuture.runAsync(() -> restarted.complete(EmbeddedPostgres.start(dataDir)));
                    }
                }
            };

            RunReport report = harness.consume(ConsumeRequest.drain(), stopOnce);

            postgres.set(restarted.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertThat(report.succeeded()).as(String.valueOf(report.failure())).isTrue();
            StageReport stage = report.stages().get(0);
            assertThat(stopped).isTrue();
            assertThat(stage.counters().get("retries")).isPositive();
            assertThat(stage.rowsIn()).isEqualTo(3_000);
            assertThat(harness.bronze()).hasSize(3_000);
            assertThat(harness.rawFiles().keySet()).isEqualTo(harness.bronze().keySet());
        } finally {
            postgres.get().close();
        }
    }

    @Test
    void anIdleConsumerPublishesItsOpenRawFileOnceItsRotateAgePassed() throws Exception {
        SinksHarness harness = new SinksHarness(
                services.bootstrapServers(),
                services.postgres().jdbcUrl(),
                dir,
                "idle",
                "chainline.sinks.raw.rotate-age=1s");
        harness.produce(0, 50);
        Cancellation cancellation = new Cancellation();
        CompletableFuture<RunReport> running = CompletableFuture.supplyAsync(
                () -> harness.consume(new ConsumeRequest(false, Set.of()), ProgressListener.NONE, cancellation));
        try {
            Await.until(WAIT, "the idle consumer publishes the raw file of its 50 records", () -> {
                try {
                    return harness.rawFiles().size() == 50;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(running).isNotDone();
        } finally {
            cancellation.cancel("test over");
        }
        RunReport report = running.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(report.succeeded()).as(String.valueOf(report.failure())).isTrue();
        assertThat(harness.bronze()).hasSize(50);
        assertThat(harness.rawFiles()).hasSize(50);
    }

    /** Client settings that let the consumer see a deleted topic within a second instead of five minutes. */
    private static String fastMetadata() {
        return "chainline.kafka.client={ \"metadata.max.age.ms\" = 1000 }";
    }

    private static long count(SinksHarness harness) {
        try {
            return harness.bronze().size();
        } catch (SQLException e) {
            // the table does not exist before the first batch
            return -1;
        }
    }
}
