package io.chainline.runner.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadinessProbeTest {

    @Test
    void tcpPortIsReadyWhileTheServerListens() throws IOException {
        ReadinessProbe probe;
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            probe = ReadinessProbe.tcpPort("127.0.0.1", server.getLocalPort());

            assertThat(probe.isReady(null)).isTrue();
            assertThat(probe.address()).contains("127.0.0.1:" + server.getLocalPort());
        }
        assertThat(probe.isReady(null)).isFalse();
    }

    @Test
    void tcpPortRejectsPortsOutOfRange() {
        assertThatThrownBy(() -> ReadinessProbe.tcpPort("127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid port 0 for 127.0.0.1: must be 1 to 65535");
        assertThatThrownBy(() -> ReadinessProbe.tcpPort("127.0.0.1", 65536))
                .hasMessage("Invalid port 65536 for 127.0.0.1: must be 1 to 65535");
    }

    @Test
    void aProbeKnowsNoAddressByDefault() {
        ReadinessProbe probe = process -> true;

        assertThat(probe.address()).isEmpty();
    }
}
