package io.chainline.runner.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.state.StateDirectory;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRegistryStopIT {
    private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");

    @TempDir
    Path tmp;

    private final List<Process> processes = new ArrayList<>();
    private ServiceRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new ServiceRegistry(new StateDirectory(tmp), Clock.systemUTC());
    }

    @AfterEach
    void killProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void stopEndsAServicePolitely() throws IOException {
        Process sleeper = start("sleep", "60");
        registry.register(recordOf("sleeper", sleeper, T0));

        assertThat(registry.stop("sleeper", Duration.ofSeconds(10))).isEqualTo(StopResult.STOPPED);

        assertThat(sleeper.isAlive()).isFalse();
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void stopKillsAServiceThatIgnoresTheTerminationRequest() throws IOException {
        Process stubborn = start("sh", "-c", "trap '' TERM; echo trapped; while :; do sleep 0.1; done");
        assertThat(stubborn.inputReader().readLine()).isEqualTo("trapped");
        registry.register(recordOf("stubborn", stubborn, T0));

        assertThat(registry.stop("stubborn", Duration.ofMillis(500))).isEqualTo(StopResult.KILLED);

        assertThat(stubborn.isAlive()).isFalse();
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void stopAllStopsTheNewestFirst() throws IOException {
        registry.register(recordOf("kafka", start("sleep", "60"), T0));
        registry.register(recordOf("consumer", start("sleep", "60"), T0.plusSeconds(20)));
        registry.register(recordOf("postgres", start("sleep", "60"), T0.plusSeconds(10)));
        Process exited = start("true");
        assertThat(exited.onExit().join().exitValue()).isZero();
        registry.register(new ServiceRecord(
                "spark", exited.pid(), "127.0.0.1:7077", tmp.resolve("spark.log"), T0.plusSeconds(30), null));

        Map<String, StopResult> results = registry.stopAll(Duration.ofSeconds(10));

        assertThat(results)
                .containsExactly(
                        Map.entry("spark", StopResult.NOT_RUNNING),
                        Map.entry("consumer", StopResult.STOPPED),
                        Map.entry("postgres", StopResult.STOPPED),
                        Map.entry("kafka", StopResult.STOPPED));
        assertThat(processes).noneMatch(Process::isAlive);
        assertThat(registry.list()).isEmpty();
    }

    private Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        return process;
    }

    private ServiceRecord recordOf(String name, Process process, Instant startedAt) {
        return new ServiceRecord(
                name,
                process.pid(),
                "127.0.0.1:1",
                tmp.resolve(name + ".log"),
                startedAt,
                process.info().startInstant().orElse(null));
    }
}
