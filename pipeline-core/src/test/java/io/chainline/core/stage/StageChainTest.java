package io.chainline.core.stage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.core.error.DataQualityException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageChainTest {
    private static final RunState.Key<Long> PRODUCED = RunState.Key.of("test.produced", Long.class);

    private final Config config = ConfigFactory.parseString("chainline.test { multiplier = 3 }");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ProgressListener recorder = new ProgressListener() {
        @Override
        public void stageStarted(String stage) {
            events.add("start " + stage);
        }

        @Override
        public void progress(String stage, long done, long total, String unit) {
            events.add(stage + " " + done + "/" + total + " " + unit);
        }

        @Override
        public void stageFinished(StageReport report) {
            events.add("end " + report.stage() + " " + report.status());
        }
    };

    /** A stage that produces rows and hands their count to the next stage. */
    private static final class ProduceStage implements Stage {
        private final long rows;

        ProduceStage(long rows) {
            this.rows = rows;
        }

        @Override
        public String name() {
            return "produce";
        }

        @Override
        public StageReport run(StageContext context) {
            context.reportProgress(rows, rows, "rows");
            context.state().put(PRODUCED, rows);
            return StageReport.builder(name())
                    .rowsIn(rows)
                    .rowsOut(rows)
                    .output("memory://produced")
                    .build();
        }
    }

    /** A stage that multiplies what the previous one produced, reading its own config subtree. */
    private static final class MultiplyStage implements Stage {
        @Override
        public String name() {
            return "multiply";
        }

        @Override
        public String configPath() {
            return "chainline.test";
        }

        @Override
        public StageReport run(StageContext context) {
            long in = context.state().get(PRODUCED).orElseThrow();
            long out = in * context.config().getInt("multiplier");
            return StageReport.builder(name())
                    .rowsIn(in)
                    .rowsOut(out)
                    .counter("multiplier", 3)
                    .build();
        }
    }

    private RunContext context() {
        return new RunContext("run-1", config, clock, recorder, new Cancellation(), new RunState());
    }

    @Test
    void runsACustomChainWithAnInlineStageAndReportsEveryStage() {
        Stage audit = new Stage() {
            @Override
            public String name() {
                return "audit";
            }

            @Override
            public StageReport run(StageContext context) {
                return StageReport.builder(name())
                        .rowsIn(context.state().get(PRODUCED).orElse(0L))
                        .warning("audited " + context.runId())
                        .build();
            }
        };

        RunReport report = StageChain.named("custom", new ProduceStage(10), new MultiplyStage(), audit)
                .run(context());

        assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(report.succeeded()).isTrue();
        assertThat(report.command()).isEqualTo("custom");
        assertThat(report.runId()).isEqualTo("run-1");
        assertThat(report.stages()).extracting(StageReport::stage).containsExactly("produce", "multiply", "audit");
        assertThat(report.stage("multiply").orElseThrow().rowsOut()).isEqualTo(30);
        assertThat(report.stage("multiply").orElseThrow().counters()).containsEntry("multiplier", 3L);
        assertThat(report.stage("audit").orElseThrow().warnings()).containsExactly("audited run-1");
        assertThat(report.stage("produce").orElseThrow().startedAt()).isEqualTo(clock.instant());
        assertThat(report.failure()).isEmpty();
        assertThat(events)
                .containsExactly(
                        "start produce",
                        "produce 10/10 rows",
                        "end produce SUCCEEDED",
                        "start multiply",
                        "end multiply SUCCEEDED",
                        "start audit",
                        "end audit SUCCEEDED");
    }

    @Test
    void stopsAtTheFirstFailureAndKeepsItsMessage() {
        Stage failing = Stage.of("validate", context -> {
            throw new DataQualityException("Column 'Order Item Id': value 'x' is not an integer");
        });

        RunReport report =
                StageChain.of(new ProduceStage(5), failing, new MultiplyStage()).run(context());

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.stages())
                .extracting(StageReport::status)
                .containsExactly(StageStatus.SUCCEEDED, StageStatus.FAILED, StageStatus.SKIPPED);
        StageReport failure = report.failure().orElseThrow();
        assertThat(failure.stage()).isEqualTo("validate");
        assertThat(failure.error()).isEqualTo("Column 'Order Item Id': value 'x' is not an integer");
        assertThat(report.stage("multiply").orElseThrow().warnings()).containsExactly("stage 'validate' failed");
        assertThat(events).doesNotContain("start multiply");
    }

    @Test
    void aClassThatFailsToInitialiseFailsItsStageWithTheRootCause() {
        Stage broken = Stage.of("spark-session", context -> {
            throw new ExceptionInInitializerError(
                    new IllegalStateException("Scala module 2.16.2 requires Jackson Databind version >= 2.16.0"));
        });

        RunReport report = StageChain.of(broken, new MultiplyStage()).run(context());

        assertThat(report.failure().orElseThrow().error())
                .isEqualTo("java.lang.ExceptionInInitializerError (caused by IllegalStateException: Scala module"
                        + " 2.16.2 requires Jackson Databind version >= 2.16.0)");
        assertThat(report.stage("multiply").orElseThrow().status()).isEqualTo(StageStatus.SKIPPED);
    }

    @Test
    void aStageReturningNoReportFails() {
        Stage silent = Stage.of("silent", context -> null);

        RunReport report = StageChain.of(silent).run(context());

        assertThat(report.failure().orElseThrow().error()).isEqualTo("stage 'silent' returned no report");
    }

    @Test
    void cancellationSkipsTheRemainingStages() {
        RunContext context = context();
        Stage cancelling = Stage.of("cancelling", stageContext -> {
            stageContext.cancellation().cancel("SIGTERM");
            return StageReport.builder("cancelling").build();
        });

        RunReport report = StageChain.of(cancelling, new ProduceStage(1)).run(context);

        assertThat(report.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(report.stage("produce").orElseThrow().status()).isEqualTo(StageStatus.SKIPPED);
        assertThat(report.stage("produce").orElseThrow().warnings()).containsExactly("run cancelled: SIGTERM");
    }

    @Test
    void rejectsTwoStagesWithTheSameName() {
        assertThatThrownBy(() -> StageChain.named("dup", new ProduceStage(1), new ProduceStage(2)))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Stage chain 'dup' has two stages named 'produce': stage names must be unique within a chain");
    }

    @Test
    void newRunIdsSortByTime() {
        assertThat(RunContext.newRunId(clock)).matches("20261125-120000-[0-9a-f]{4}");
    }
}
