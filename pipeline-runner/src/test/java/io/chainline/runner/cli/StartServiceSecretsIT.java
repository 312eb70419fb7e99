package io.chainline.runner.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.state.StateDirectory;
import io.chainline.runner.process.ServiceRecord;
import io.chainline.runner.process.ServiceRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code start-postgres --set <secret>} runs its background child with the secret in the child's environment (which
 * only its user can read), not on its command line (which {@code ps} shows to everyone).
 */
class StartServiceSecretsIT {
    private static final String SECRET = "n0t-On-The-Command-Line";

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("CHAINLINE_STATE_DIR", dir.resolve("state").toString());
    }

    @AfterEach
    void stopAll() {
        CliRun.run(env(), "stop-all");
    }

    @Test
    void aSecretGivenWithSetReachesTheChildThroughItsEnvironmentOnly() throws IOException {
        CliRun started = CliRun.run(env(), "start-postgres", "--set", "chainline.postgres.password=" + SECRET);

        assertThat(started.exitCode()).as(started.err()).isZero();
        ServiceRecord record = new ServiceRegistry(new StateDirectory(dir.resolve("state")), Clock.systemUTC())
                .find("postgres")
                .orElseThrow();
        String commandLine = proc(record.pid(), "cmdline");
        String environment = proc(record.pid(), "environ");
        assertThat(commandLine).contains("start-postgres", "--set-from-env").doesNotContain(SECRET);
        assertThat(environment).contains("chainline.postgres.password=" + SECRET);
    }

    private static String proc(long pid, String file) throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), file)), StandardCharsets.UTF_8)
                .replace('\0', ' ');
    }
}
