package io.chainline.embedded.port;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServicePortTest {
    @TempDir
    Path dir;

    @Test
    void aFirstStartTakesAFreePortAndLaterStartsTheKeptOne() throws Exception {
        assertThat(ServicePort.choose(dir, 0, "Kafka")).isZero();

        int port = freePort();
        ServicePort.remember(dir, port);

        assertThat(Files.readString(dir.resolve(ServicePort.FILE))).isEqualTo(port + "\n");
        assertThat(ServicePort.choose(dir, 0, "Kafka")).isEqualTo(port);
    }

    @Test
    void anExplicitPortWinsOverTheKeptOne() {
        ServicePort.remember(dir, 40_001);

        assertThat(ServicePort.choose(dir, 40_002, "Kafka")).isEqualTo(40_002);
    }

    @Test
    void aKeptPortThatAnotherProcessHoldsFailsNamingThePortAndTheFile() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            ServicePort.remember(dir, taken.getLocalPort());

            assertThatThrownBy(() -> ServicePort.choose(dir, 0, "PostgreSQL on " + dir))
                    .isInstanceOf(ChainlineException.class)
                    .hasMessageStartingWith("PostgreSQL on " + dir + " keeps port " + taken.getLocalPort() + " (in "
                            + dir.resolve(ServicePort.FILE) + ")")
                    .hasMessageContaining("another process listens on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aFileThatHoldsNoPortIsAConfigurationError() throws Exception {
        Files.writeString(dir.resolve(ServicePort.FILE), "70000\n");

        assertThatThrownBy(() -> ServicePort.choose(dir, 0, "Kafka"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value '70000' in " + dir.resolve(ServicePort.FILE)
                        + ": must be a TCP port from 1 to 65535; delete the file to let the service take a free port");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }
}
