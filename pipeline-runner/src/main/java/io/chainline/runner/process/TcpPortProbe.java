package io.chainline.runner.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Ready when {@code host:port} accepts a TCP connection. */
record TcpPortProbe(String host, int port) implements ReadinessProbe {
    private static final int CONNECT_TIMEOUT_MILLIS = 200;

    TcpPortProbe {
        requireNonNull(host, "host is null");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Invalid port " + port + " for " + host + ": must be 1 to 65535");
        }
    }

    @Override
    public boolean isReady(Process process) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public Optional<String> address() {
        return Optional.of(host + ":" + port);
    }
}
