package io.chainline.runner.process;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.state.StateDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForegroundServiceTest {
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");

    @TempDir
    Path tmp;

    private ServiceRegistry registry;
    private final AtomicInteger closes = new AtomicInteger();
    private final AutoCloseable service = closes::incrementAndGet;

    @BeforeEach
    void setUp() {
        registry = new ServiceRegistry(new StateDirectory(tmp), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void registersTheCurrentProcess() {
        ForegroundService foreground = newForeground();

        ServiceRecord record = foreground.register();

        ProcessHandle self = ProcessHandle.current();
        assertThat(record)
                .isEqualTo(new ServiceRecord(
                        "test-svc",
                        self.pid(),
                        "127.0.0.1:4040",
                        tmp.resolve("test-svc.log"),
                        NOW,
                        self.info().startInstant().orElse(null),
                        ProcessStartTicks.of(self.pid()).stream()
                                .boxed()
                                .findFirst()
                                .orElse(null)));
        assertThat(registry.find("test-svc")).contains(record);
    }

    @Test
    void awaitStopReturnsOnceAStopIsRequested() throws Exception {
        ForegroundService foreground = newForeground();
        assertThat(foreground.awaitStop(Duration.ofMillis(20))).isFalse();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                foreground.awaitStop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });

        foreground.requestStop();

        waiting.get(10, TimeUnit.SECONDS);
        assertThat(closes).hasValue(0);
    }

    @Test
    void closeClosesTheServiceOnceRemovesTheRecordAndReleasesTheWait() throws Exception {
        ForegroundService foreground = newForeground();
        foreground.register();

        foreground.close();
        foreground.close();

        assertThat(closes).hasValue(1);
        assertThat(registry.find("test-svc")).isEmpty();
        assertThat(foreground.awaitStop(Duration.ofMillis(1))).isTrue();
    }

    @Test
    void closeLeavesTheRecordOfAnotherProcess() {
        ForegroundService foreground = newForeground();
        foreground.register();
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        ServiceRecord newer = new ServiceRecord(
                "test-svc",
                parent.pid(),
                "127.0.0.1:4041",
                tmp.resolve("x.log"),
                NOW,
                parent.info().startInstant().orElse(null));
        registry.remove("test-svc");
        registry.register(newer);

        foreground.close();

        assertThat(registry.find("test-svc")).contains(newer);
    }

    @Test
    void runUntilStoppedClosesTheServiceWhenRegistrationFails() {
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        registry.register(new ServiceRecord(
                "test-svc",
                parent.pid(),
                "127.0.0.1:4041",
                tmp.resolve("x.log"),
                NOW,
                parent.info().startInstant().orElse(null)));

        assertThatThrownBy(() -> ForegroundService.runUntilStopped(
                        registry,
                        "test-svc",
                        "127.0.0.1:4040",
                        tmp.resolve("test-svc.log"),
                        service,
                        Clock.systemUTC()))
                .isInstanceOf(ChainlineException.class)
                .hasMessage("Service 'test-svc' is already running (pid " + parent.pid() + ", 127.0.0.1:4041)");
        assertThat(closes).hasValue(1);
    }

    private ForegroundService newForeground() {
        return new ForegroundService(
                registry,
                "test-svc",
                "127.0.0.1:4040",
                tmp.resolve("test-svc.log"),
                service,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
