package io.chainline.runner.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.state.StateDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class ServiceLauncherIT {
    private static final String NAME = "test-svc";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern PID_LINE = Pattern.compile("test service pid=(\\d+)");

    @TempDir
    Path tmp;

    private StateDirectory state;
    private ServiceRegistry registry;
    private ServiceLauncher launcher;
    private Path log;

    @BeforeEach
    void setUp() {
        state = new StateDirectory(tmp.resolve("state"));
        registry = new ServiceRegistry(state, Clock.systemUTC());
        launcher = new ServiceLauncher(registry, Clock.systemUTC());
        log = state.logs().resolve(NAME + ".log");
    }

    @AfterEach
    void stopLeftovers() {
        registry.stopAll(Duration.ofSeconds(10));
        ProcessHandle.current()
                .children()
                .filter(child -> child.info().commandLine().orElse("").contains(TestServiceMain.class.getName()))
                .forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void launchesADetachedServiceAndStopsIt() throws Exception {
        ServiceRecord record = launcher.launch(spec("serve", WAIT), ReadinessProbe.registered(registry, NAME));

        assertThat(record.name()).isEqualTo(NAME);
        assertThat(record.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(record.address()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(record.processStart()).isNotNull();
        assertThat(loggedPid()).contains(record.pid());
        assertThat(ProcessHandle.of(record.pid()))
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        assertThat(acceptsConnections(record.address())).isTrue();

        ServiceRegistry later = new ServiceRegistry(state, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5)));
        List<ServiceStatus> statuses = later.list();
        assertThat(statuses).hasSize(1);
        assertThat(statuses.get(0).record()).isEqualTo(record);
        assertThat(statuses.get(0).alive()).isTrue();
        assertThat(statuses.get(0).uptime()).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(6));

        assertThatThrownBy(() -> launcher.launch(spec("serve", WAIT), ReadinessProbe.registered(registry, NAME)))
                .hasMessage(
                        "Service 'test-svc' is already running (pid " + record.pid() + ", " + record.address() + ")");

        assertThat(registry.stop(NAME, Duration.ofSeconds(20))).isEqualTo(StopResult.STOPPED);

        assertThat(registry.find(NAME)).isEmpty();
        assertThat(state.services().resolve(NAME + ".json")).doesNotExist();
        assertThat(ProcessHandle.of(record.pid()).filter(ProcessHandle::isAlive))
                .isEmpty();
        assertThat(Files.readString(log)).contains("test service closed");
        assertThat(registry.stop(NAME, Duration.ofSeconds(1))).isEqualTo(StopResult.NOT_RUNNING);
    }

    @Test
    void aServiceThatExitsBeforeItIsReadyIsReportedWithItsLog() {
        assertThatThrownBy(() -> launcher.launch(spec("exit-3", WAIT), ReadinessProbe.registered(registry, NAME)))
                .isInstanceOf(ChainlineException.class)
                .hasMessageStartingWith(
                        "Service 'test-svc' exited with code 3 before it was ready; last lines of " + log + ":\n")
                .hasMessageContaining("test service pid=")
                .hasMessageEndingWith("failing on purpose");
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void aServiceThatIsNeverReadyIsStoppedAfterTheTimeout() throws Exception {
        LaunchSpec spec = spec("hang", Duration.ofSeconds(2));
        ReadinessProbe probe = ReadinessProbe.registered(registry, NAME);

        Throwable failure = catchThrowable(() -> launcher.launch(spec, probe));

        assertThat(failure)
                .isInstanceOf(ChainlineException.class)
                .hasMessageMatching("Service 'test-svc' \\(pid \\d+\\) was not ready within 2 s and was stopped;"
                        + " see its log .*")
                .hasMessageEndingWith(" " + log);
        Matcher pid = Pattern.compile("\\(pid (\\d+)\\)").matcher(failure.getMessage());
        assertThat(pid.find()).isTrue();
        Optional<ProcessHandle> child = ProcessHandle.of(Long.parseLong(pid.group(1)));
        if (child.isPresent()) {
            child.get().onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(Long.parseLong(pid.group(1))).filter(ProcessHandle::isAlive))
                .isEmpty();
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void aServiceReadyByItsPortIsRegisteredByTheLauncher() throws Exception {
        // The probe only needs an answering port; this one stands in for the service's own listener.
        try (ServerSocket answering = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            ReadinessProbe probe = ReadinessProbe.tcpPort("127.0.0.1", answering.getLocalPort());

            ServiceRecord record = launcher.launch(spec("hang", WAIT), probe);

            assertThat(record.address()).isEqualTo("127.0.0.1:" + answering.getLocalPort());
            assertThat(record.processStart()).isNotNull();
            assertThat(registry.find(NAME)).contains(record);
            assertThat(registry.stop(NAME, Duration.ofSeconds(20))).isEqualTo(StopResult.STOPPED);
            assertThat(ProcessHandle.of(record.pid()).filter(ProcessHandle::isAlive))
                    .isEmpty();
        }
    }

    private LaunchSpec spec(String mode, Duration readyTimeout) {
        List<String> command = JavaCommand.forMainClass(
                TestServiceMain.class.getName(), List.of(state.root().toString(), NAME, mode));
        return new LaunchSpec(NAME, command, tmp, log, Map.of(), readyTimeout);
    }

    /** The pid the child logs as its first line. */
    private Optional<Long> loggedPid() throws IOException {
        Matcher matcher = PID_LINE.matcher(Files.readString(log));
        return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    private static boolean acceptsConnections(String address) {
        String[] hostPort = address.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 5000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
