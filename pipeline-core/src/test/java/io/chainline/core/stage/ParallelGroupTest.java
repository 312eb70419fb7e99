package io.chainline.core.stage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelGroupTest {
    private static final long WAIT_SECONDS = 10;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ProgressListener recorder = new ProgressListener() {
        @Override
        public void stageStarted(String stage) {
            events.add("start " + stage);
        }

        @Override
        public void progress(String stage, long done, long total, String unit) {
            events.add(stage + " " + done + " " + unit);
        }

        @Override
        public void stageFinished(StageReport report) {
            events.add("end " + report.stage() + " " + report.status());
        }
    };

    private RunContext context() {
        return RunContext.of(ConfigFactory.parseString("chainline.test { x = 1 }"))
                .withProgress(recorder);
    }

    /** A stage that counts a latch down and then waits for another one, so it only finishes when run alongside. */
    private static Stage meeting(String name, CountDownLatch mine, CountDownLatch theirs, long rows) {
        return Stage.of(name, context -> {
            mine.countDown();
            context.reportProgress(rows, rows, "rows");
            try {
                if (!theirs.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new ChainlineException(
                            name + " ran alone: its sibling did not start within " + WAIT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChainlineException(name + " was interrupted", e);
            }
            return StageReport.builder(name).rowsIn(rows).rowsOut(rows).build();
        });
    }

    @Test
    void membersRunConcurrentlyAndEachReportsOnItsOwn() {
        CountDownLatch ingestStarted = new CountDownLatch(1);
        CountDownLatch consumeStarted = new CountDownLatch(1);
        Stage after = Stage.of(
                "transform",
                context -> StageReport.builder("transform").rowsIn(7).build());

        RunReport report = StageChain.named(
                        "start-project",
                        ParallelGroup.of(
                                "ingest-and-consume",
                                meeting("ingest", ingestStarted, consumeStarted, 10),
                                meeting("consume", consumeStarted, ingestStarted, 20)),
                        after)
                .run(context());

        assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(report.stages()).extracting(StageReport::stage).containsExactly("ingest", "consume", "transform");
        assertThat(report.stage("ingest").orElseThrow().rowsOut()).isEqualTo(10);
        assertThat(report.stage("consume").orElseThrow().rowsOut()).isEqualTo(20);
        assertThat(report.stage("ingest").orElseThrow().startedAt()).isNotNull();
        assertThat(events)
                .contains("ingest 10 rows", "consume 20 rows", "end ingest SUCCEEDED", "end consume SUCCEEDED");
        // Both members started before either finished, and the next stage started after both.
        assertThat(events.indexOf("start ingest")).isLessThan(events.indexOf("end consume SUCCEEDED"));
        assertThat(events.indexOf("start consume")).isLessThan(events.indexOf("end ingest SUCCEEDED"));
        assertThat(events.indexOf("start transform"))
                .isGreaterThan(events.indexOf("end ingest SUCCEEDED"))
                .isGreaterThan(events.indexOf("end consume SUCCEEDED"));
    }

    @Test
    void aFailingMemberCancelsItsSiblingsFailsTheRunAndSkipsTheRest() {
        CountDownLatch consumerWaiting = new CountDownLatch(1);
        Stage ingest = Stage.of("ingest", context -> {
            try {
                consumerWaiting.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ChainlineException("broker refused the transaction");
        });
        Stage consume = Stage.of("consume", context -> {
            consumerWaiting.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!context.cancellation().isCancelled() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            context.cancellation().throwIfCancelled();
            throw new ChainlineException("consume was never cancelled");
        });
        Stage transform = Stage.of(
                "transform", context -> StageReport.builder("transform").build());
        RunContext context = context();

        RunReport report = StageChain.named(
                        "start-project", ParallelGroup.of("ingest-and-consume", ingest, consume), transform)
                .run(context);

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.failure().orElseThrow().stage()).isEqualTo("ingest");
        assertThat(report.stage("ingest").orElseThrow().error()).isEqualTo("broker refused the transaction");
        assertThat(report.stage("consume").orElseThrow().status()).isEqualTo(StageStatus.FAILED);
        assertThat(report.stage("consume").orElseThrow().error()).isEqualTo("Run cancelled: stage 'ingest' failed");
        assertThat(report.stage("transform").orElseThrow().status()).isEqualTo(StageStatus.SKIPPED);
        assertThat(report.stage("transform").orElseThrow().warnings()).containsExactly("stage 'ingest' failed");
        assertThat(context.cancellation().isCancelled())
                .as("the run itself is not cancelled")
                .isFalse();
    }

    @Test
    void aMemberThatStopsCleanlyAfterASiblingFailedSaysSo() {
        CountDownLatch failed = new CountDownLatch(1);
        Stage ingest = Stage.of("ingest", context -> {
            throw new ChainlineException("input missing");
        });
        Stage consume = Stage.of("consume", context -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (!context.cancellation().isCancelled() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            failed.countDown();
            return StageReport.builder("consume").rowsIn(3).build();
        });

        RunReport report =
                StageChain.of(ParallelGroup.of("both", ingest, consume)).run(context());

        assertThat(failed.getCount()).isZero();
        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.stage("consume").orElseThrow().warnings())
                .containsExactly("stopped early: stage 'ingest' failed");
    }

    @Test
    void aGroupAfterAFailureIsSkippedMemberByMember() {
        Stage broken = Stage.of("extract", context -> {
            throw new ChainlineException("no input");
        });
        Stage a = Stage.of("a", context -> StageReport.builder("a").build());
        Stage b = Stage.of("b", context -> StageReport.builder("b").build());

        RunReport report = StageChain.of(broken, ParallelGroup.of("ab", a, b)).run(context());

        assertThat(report.stages())
                .extracting(StageReport::stage, StageReport::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("extract", StageStatus.FAILED),
                        org.assertj.core.groups.Tuple.tuple("a", StageStatus.SKIPPED),
                        org.assertj.core.groups.Tuple.tuple("b", StageStatus.SKIPPED));
    }

    @Test
    void aCancelledRunSkipsTheGroup() {
        RunContext context = context();
        context.cancellation().cancel("stopped by a signal");
        Stage a = Stage.of("a", c -> StageReport.builder("a").build());
        Stage b = Stage.of("b", c -> StageReport.builder("b").build());

        RunReport report = StageChain.of(ParallelGroup.of("ab", a, b)).run(context);

        assertThat(report.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(report.stages())
                .allSatisfy(
                        stage -> assertThat(stage.warnings()).containsExactly("run cancelled: stopped by a signal"));
    }

    @Test
    void runAsOneStageItCombinesTheReportsOrThrowsNamingTheFailedMembers() {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        ParallelGroup group =
                ParallelGroup.of("pair", meeting("left", first, second, 4), meeting("right", second, first, 5));
        Stage failing = Stage.of("bad", c -> {
            throw new ChainlineException("disk full");
        });
        Stage fine = Stage.of("fine", c -> StageReport.builder("fine").build());

        ParallelGroup broken = ParallelGroup.of("g", failing, fine);

        StageReport report = group.run(context().forStage(group));

        assertThat(report.stage()).isEqualTo("pair");
        assertThat(report.rowsOut()).isEqualTo(9);
        assertThatThrownBy(() -> broken.run(context().forStage(broken)))
                .isInstanceOf(ChainlineException.class)
                .hasMessage("Parallel group 'g' failed: bad: disk full");
    }

    @Test
    void namesMustBeUniqueAcrossGroupsAndAGroupNeedsTwoMembers() {
        Stage a = Stage.of("a", c -> StageReport.builder("a").build());
        Stage b = Stage.of("b", c -> StageReport.builder("b").build());

        assertThatThrownBy(() -> StageChain.named("dup", a, ParallelGroup.of("g", Stage.of("a", c -> null), b)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Stage chain 'dup' has two stages named 'a'");
        assertThatThrownBy(() -> ParallelGroup.of("lonely", a))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Parallel group 'lonely' has 1 stage(s): a group needs at least two");
    }

    @Test
    void aChildCancellationFollowsItsParentButNotTheOtherWay() {
        Cancellation run = new Cancellation();
        Cancellation group = run.child();

        group.cancel("stage 'x' failed");
        assertThat(run.isCancelled()).isFalse();
        assertThat(group.reason()).isEqualTo("stage 'x' failed");

        Cancellation other = run.child();
        run.cancel("stopped by a signal");
        assertThat(other.isCancelled()).isTrue();
        assertThat(other.reason()).isEqualTo("stopped by a signal");
    }
}
