package io.chainline.runner;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.google.inject.AbstractModule;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.stage.ParallelGroup;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunStatus;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageChain;
import io.chainline.core.stage.StageReport;
import io.chainline.core.stage.StageStatus;
import io.chainline.core.state.StateDirectory;
import io.chainline.runner.process.ServiceRecord;
import io.chainline.runner.process.ServiceRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainlineTest {

    @TempDir
    Path stateDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Chainline.Builder builder() {
        return Chainline.builder()
                .config(ConfigFactory.parseMap(Map.of(
                        "chainline.state-dir",
                        stateDir.toString(),
                        "chainline.store.root",
                        stateDir.resolve("data").toString())))
                .out(out)
                .err(err);
    }

    @Test
    void invalidSettingsFailTheBuildWithEveryProblem() {
        Chainline.Builder builder = Chainline.builder()
                .config(ConfigFactory.parseMap(Map.of(
                        "chainline.state-dir",
                        stateDir.toString(),
                        "chainline.kafka.bootstrp",
                        "x",
                        "chainline.ingest.partitions",
                        0)));

        assertThatThrownBy(builder::build)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("did you mean 'chainline.kafka.bootstrap'?")
                .hasMessageContaining("Invalid value '0' for 'chainline.ingest.partitions': must be >= 1");
    }

    @Test
    void aCommandRunsInProcessWithItsOwnSetOverridesOverTheBuilderConfiguration() throws Exception {
        Path other = Files.createDirectories(stateDir.resolve("other"));
        ProcessHandle self = ProcessHandle.current();
        new ServiceRegistry(new StateDirectory(other), Clock.systemUTC())
                .register(new ServiceRecord(
                        "kafka",
                        self.pid(),
                        "127.0.0.1:9092",
                        other.resolve("kafka.log"),
                        Instant.now(),
                        self.info().startInstant().orElse(null)));

        try (Chainline chainline = builder().build()) {
            RunReport own = chainline.run("status", "--json");
            String ownOut = out.toString();
            RunReport overridden = chainline.run("status", "--json", "--set", "chainline.state-dir=" + other);

            assertThat(own.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(own.command()).isEqualTo("status");
            assertThat(own.stages()).isEmpty();
            assertThat(ownOut).contains("\"services\" : [ ]");
            assertThat(overridden.succeeded()).isTrue();
            assertThat(out.toString()).contains("\"name\" : \"kafka\"", "127.0.0.1:9092");
        }
    }

    @Test
    void aRejectedCommandLineIsThrownWithTheMessageTheCommandLinePrints() {
        try (Chainline chainline = builder().build()) {
            assertThatThrownBy(() -> chainline.run("start-everything"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("chainline start-everything was rejected (exit code 2): ")
                    .hasMessageContaining("Unmatched argument at index 0: 'start-everything'");
            assertThatThrownBy(() -> chainline.run("status", "--set", "chainline.kafka.bootstrp=x"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("did you mean 'chainline.kafka.bootstrap'?");
        }
    }

    @Test
    void aChainRunsWithReportsAndAFailureIsReportedNotThrown() {
        Stage ok = Stage.of(
                "count",
                context -> StageReport.builder("count").rowsIn(3).rowsOut(3).build());
        Stage other = Stage.of(
                "other", context -> StageReport.builder("other").rowsIn(4).build());
        Stage broken = Stage.of("broken", context -> {
            throw new ChainlineException("Invalid value 'x' for 'rows': expected a number");
        });

        RunReport report;
        try (Chainline chainline = builder().build()) {
            report = chainline.run(StageChain.named("custom", ParallelGroup.of("both", ok, other), broken));
        }

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.stages()).extracting(StageReport::stage).containsExactly("count", "other", "broken");
        assertThat(report.stage("broken").orElseThrow().status()).isEqualTo(StageStatus.FAILED);
        assertThat(err.toString())
                .contains(
                        "Run " + report.runId() + " (custom): FAILED",
                        "error: Invalid value 'x' for 'rows': expected a number",
                        "Report: " + stateDir.resolve("reports/run-" + report.runId() + ".html"));
        assertThat(stateDir.resolve("reports/run-" + report.runId() + ".json")).exists();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void closingClosesWhatStagesRegisteredWithTheInjectorsLifecycle() {
        AtomicBoolean closed = new AtomicBoolean();
        Chainline chainline = builder().module(new AbstractModule() {}).build();
        chainline.instance(Lifecycle.class).manage(() -> closed.set(true));

        chainline.close();

        assertThat(closed).isTrue();
    }
}
