package io.chainline.runner.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.state.StateDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ServiceLauncherTest {
    @TempDir
    Path tmp;

    @Test
    void findsOnlyExecutableFilesOnThePath() throws IOException {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.writeString(plain.resolve("setsid"), "");
        Path setsid = Files.writeString(bin.resolve("setsid"), "#!/bin/sh\n");
        assertThat(setsid.toFile().setExecutable(true)).isTrue();

        String path =
                String.join(File.pathSeparator, "", tmp.resolve("absent").toString(), plain.toString(), bin.toString());

        assertThat(ServiceLauncher.findOnPath("setsid", path)).contains(setsid);
        assertThat(ServiceLauncher.findOnPath("setsid", plain.toString())).isEmpty();
        assertThat(ServiceLauncher.findOnPath("setsid", null)).isEmpty();
    }

    @Test
    void aLiveServiceOfTheSameNameIsNotStartedAgain() {
        Instant now = Instant.parse("2024-03-01T12:00:00Z");
        ServiceRegistry registry = new ServiceRegistry(new StateDirectory(tmp), Clock.fixed(now, ZoneOffset.UTC));
        ProcessHandle self = ProcessHandle.current();
        registry.register(new ServiceRecord(
                "kafka",
                self.pid(),
                "127.0.0.1:9092",
                tmp.resolve("kafka.log"),
                now,
                self.info().startInstant().orElse(null)));
        LaunchSpec spec = new LaunchSpec(
                "kafka",
                List.of("does-not-matter"),
                tmp,
                tmp.resolve("logs/kafka.log"),
                Map.of(),
                Duration.ofSeconds(1));

        assertThatThrownBy(() -> new ServiceLauncher(registry, Clock.systemUTC()).launch(spec, process -> true))
                .isInstanceOf(ChainlineException.class)
                .hasMessage("Service 'kafka' is already running (pid " + self.pid() + ", 127.0.0.1:9092)");
        assertThat(tmp.resolve("logs/kafka.log")).doesNotExist();
    }

    @Test
    void aCommandThatCannotStartIsReported() {
        ServiceRegistry registry = new ServiceRegistry(new StateDirectory(tmp), Clock.systemUTC());
        Path missingDirectory = tmp.resolve("missing");
        LaunchSpec spec = new LaunchSpec(
                "kafka", List.of("true"), missingDirectory, tmp.resolve("kafka.log"), Map.of(), Duration.ofSeconds(1));

        assertThatThrownBy(() -> new ServiceLauncher(registry, Clock.systemUTC()).launch(spec, process -> true))
                .isInstanceOf(ChainlineException.class)
                .hasMessageStartingWith("Cannot start service 'kafka' with command [")
                .hasMessageContaining(" in " + missingDirectory + ": ");
    }

    @Test
    void launchSpecValidatesItsValues() {
        Path log = tmp.resolve("x.log");
        assertThatThrownBy(() -> new LaunchSpec("Kafka", List.of("x"), tmp, log, Map.of(), Duration.ofSeconds(1)))
                .isInstanceOf(ChainlineException.class)
                .hasMessageStartingWith("Invalid service name 'Kafka'");
        assertThatThrownBy(() -> new LaunchSpec("kafka", List.of(), tmp, log, Map.of(), Duration.ofSeconds(1)))
                .hasMessage("Invalid command for service 'kafka': must not be empty");
        assertThatThrownBy(() -> new LaunchSpec("kafka", List.of("x"), tmp, log, Map.of(), Duration.ZERO))
                .hasMessage("Invalid readyTimeout PT0S: must be positive");
    }
}
