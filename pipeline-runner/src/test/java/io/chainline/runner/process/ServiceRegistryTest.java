package io.chainline.runner.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.state.StateDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceRegistryTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    @TempDir
    Path tmp;

    private StateDirectory state;
    private ServiceRegistry registry;

    @BeforeEach
    void setUp() {
        state = new StateDirectory(tmp);
        registry = new ServiceRegistry(state, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void registersFindsListsAndRemoves() {
        ServiceRecord kafka = recordOf("kafka", ProcessHandle.current(), "127.0.0.1:9092", NOW.minusSeconds(90));
        ServiceRecord postgres = recordOf("postgres", ProcessHandle.current(), "127.0.0.1:5432", NOW);

        registry.register(postgres);
        registry.register(kafka);

        assertThat(state.services().resolve("kafka.json")).isRegularFile();
        assertThat(registry.find("kafka")).contains(kafka);
        assertThat(registry.find("spark")).isEmpty();
        assertThat(registry.list())
                .containsExactly(
                        new ServiceStatus(kafka, true, Duration.ofSeconds(90)),
                        new ServiceStatus(postgres, true, Duration.ZERO));

        registry.remove("kafka");
        registry.remove("kafka");

        assertThat(registry.find("kafka")).isEmpty();
        assertThat(registry.list()).extracting(status -> status.record().name()).containsExactly("postgres");
    }

    @Test
    void aRecordSurvivesTheRoundTripThroughItsFile() {
        ServiceRecord record = new ServiceRecord(
                "kafka", ProcessHandle.current().pid(), "127.0.0.1:9092", tmp.resolve("logs/kafka.log"), NOW, null);

        registry.register(record);

        assertThat(new ServiceRegistry(state, Clock.systemUTC()).find("kafka")).contains(record);
    }

    @Test
    void aSecondLiveServiceOfTheSameNameIsRejected() {
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        ServiceRecord running = recordOf("kafka", parent, "127.0.0.1:9092", NOW);
        registry.register(running);

        assertThatThrownBy(() -> registry.register(recordOf("kafka", ProcessHandle.current(), "127.0.0.1:9093", NOW)))
                .isInstanceOf(ChainlineException.class)
                .hasMessage("Service 'kafka' is already running (pid " + parent.pid() + ", 127.0.0.1:9092)");
        assertThat(registry.find("kafka")).contains(running);
    }

    @Test
    void theSameProcessMayRegisterAgain() {
        registry.register(recordOf("kafka", ProcessHandle.current(), "127.0.0.1:9092", NOW));
        ServiceRecord updated = recordOf("kafka", ProcessHandle.current(), "127.0.0.1:9093", NOW);

        registry.register(updated);

        assertThat(registry.find("kafka")).contains(updated);
    }

    @Test
    void aRecordOfAnExitedProcessIsStale() throws Exception {
        ServiceRecord stale = new ServiceRecord(
                "kafka", exitedPid(), "127.0.0.1:9092", tmp.resolve("kafka.log"), NOW.minusSeconds(60), null);
        registry.register(stale);

        assertThat(registry.list()).containsExactly(new ServiceStatus(stale, false, Duration.ZERO));
        assertThat(state.services().resolve("kafka.json")).exists();

        assertThat(registry.find("kafka")).isEmpty();

        assertThat(state.services().resolve("kafka.json")).doesNotExist();
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void aStaleRecordIsReplacedOnRegister() throws Exception {
        registry.register(
                new ServiceRecord("kafka", exitedPid(), "127.0.0.1:9092", tmp.resolve("kafka.log"), NOW, null));
        ServiceRecord fresh = recordOf("kafka", ProcessHandle.current(), "127.0.0.1:9093", NOW);

        registry.register(fresh);

        assertThat(registry.find("kafka")).contains(fresh);
    }

    @Test
    void aRecycledPidIsRecognisedByItsStartInstant() {
        ProcessHandle self = ProcessHandle.current();
        Instant actualStart = self.info().startInstant().orElseThrow();
        ServiceRecord recycled = new ServiceRecord(
                "kafka",
                self.pid(),
                "127.0.0.1:9092",
                tmp.resolve("kafka.log"),
                NOW,
                actualStart.minus(Duration.ofHours(1)));
        ServiceRecord withinTolerance = new ServiceRecord(
                "postgres",
                self.pid(),
                "127.0.0.1:5432",
                tmp.resolve("postgres.log"),
                NOW,
                actualStart.plusMillis(900));
        registry.register(recycled);
        registry.register(withinTolerance);

        assertThat(registry.list()).extracting(ServiceStatus::alive).containsExactly(false, true);
        assertThat(registry.find("kafka")).isEmpty();
        assertThat(registry.find("postgres")).contains(withinTolerance);
    }

    @Test
    void pruneStaleRemovesOnlyStaleRecords() throws Exception {
        registry.register(new ServiceRecord("kafka", exitedPid(), "127.0.0.1:9092", tmp.resolve("k.log"), NOW, null));
        registry.register(new ServiceRecord("spark", exitedPid(), "127.0.0.1:7077", tmp.resolve("s.log"), NOW, null));
        registry.register(recordOf("postgres", ProcessHandle.current(), "127.0.0.1:5432", NOW));

        assertThat(registry.pruneStale()).isEqualTo(2);

        assertThat(registry.list()).extracting(status -> status.record().name()).containsExactly("postgres");
        assertThat(registry.pruneStale()).isZero();
    }

    @Test
    void removeIfOwnedByLeavesOtherOwnersAlone() {
        ServiceRecord record = recordOf("kafka", ProcessHandle.current(), "127.0.0.1:9092", NOW);
        registry.register(record);

        assertThat(registry.removeIfOwnedBy("kafka", record.pid() + 1)).isFalse();
        assertThat(registry.find("kafka")).contains(record);
        assertThat(registry.removeIfOwnedBy("kafka", record.pid())).isTrue();
        assertThat(registry.find("kafka")).isEmpty();
        assertThat(registry.removeIfOwnedBy("kafka", record.pid())).isFalse();
    }

    @Test
    void stoppingAServiceWithoutALiveRecordReportsNotRunning() throws Exception {
        registry.register(new ServiceRecord("kafka", exitedPid(), "127.0.0.1:9092", tmp.resolve("k.log"), NOW, null));

        assertThat(registry.stop("kafka", Duration.ofSeconds(1))).isEqualTo(StopResult.NOT_RUNNING);
        assertThat(registry.stop("spark", Duration.ofSeconds(1))).isEqualTo(StopResult.NOT_RUNNING);
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void invalidNamesAreRejectedWithTheValue() {
        for (String name : new String[] {"Kafka", "1kafka", "kafka_1", "", "../etc", "a".repeat(41)}) {
            assertThatThrownBy(() -> registry.find(name))
                    .isInstanceOf(ChainlineException.class)
                    .hasMessage("Invalid service name '" + name + "': must match ^[a-z][a-z0-9-]{0,39}$"
                            + " (a lower-case letter, then up to 39 lower-case letters, digits or '-')");
        }
        assertThatThrownBy(() -> registry.register(recordOf("Bad Name", ProcessHandle.current(), "x", NOW)))
                .hasMessageStartingWith("Invalid service name 'Bad Name'");
        assertThat(registry.find("a" + "-1".repeat(19) + "z")).isEmpty();
    }

    @Test
    void aCorruptRecordFileIsReportedByName() throws IOException {
        Path file = state.services().resolve("kafka.json");
        Files.writeString(file, "{\"name\": \"kafka\", \"pid\": ");

        assertThatThrownBy(() -> registry.find("kafka"))
                .isInstanceOf(ChainlineException.class)
                .hasMessageStartingWith("Corrupt service record " + file + ": ")
                .hasMessageEndingWith("; delete the file if the service is not running");
        assertThatThrownBy(registry::list).hasMessageStartingWith("Corrupt service record " + file);
    }

    @Test
    void aRecordFileNamingAnotherServiceIsCorrupt() throws IOException {
        registry.register(recordOf("kafka", ProcessHandle.current(), "127.0.0.1:9092", NOW));
        Path file = state.services().resolve("postgres.json");
        Files.copy(state.services().resolve("kafka.json"), file);

        assertThatThrownBy(() -> registry.find("postgres"))
                .isInstanceOf(ChainlineException.class)
                .hasMessage("Corrupt service record " + file + ": it names service 'kafka', expected 'postgres'");
    }

    private ServiceRecord recordOf(String name, ProcessHandle process, String address, Instant startedAt) {
        return new ServiceRecord(
                name,
                process.pid(),
                address,
                tmp.resolve(name + ".log"),
                startedAt,
                process.info().startInstant().orElse(null));
    }

    private static long exitedPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS))
                .as("'true' exited within 10 s")
                .isTrue();
        return process.pid();
    }
}
