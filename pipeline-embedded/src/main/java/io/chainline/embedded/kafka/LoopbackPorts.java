package io.chainline.embedded.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

import io.chainline.core.error.ChainlineException;

/** Free TCP ports on 127.0.0.1, for listeners whose port must be known before they bind. */
final class LoopbackPorts {
    static final String HOST = "127.0.0.1";

    private LoopbackPorts() {}

    /** The 127.0.0.1 address itself, without a name lookup. */
    static InetAddress address() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 is a valid address", e);
        }
    }

    /** A port that was free a moment ago and differs from {@code excluded}. */
    static int free(int excluded) {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, address())) {
                int port = socket.getLocalPort();
                if (port != excluded) {
                    return port;
                }
            } catch (IOException e) {
                throw new ChainlineException("no free TCP port on " + HOST + ": " + e.getMessage(), e);
            }
        }
    }

    /** Checks that {@code port} is 0 (a free port) or a valid TCP port. */
    static int check(String name, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(name + " is " + port + ": expected 0 (a free port) or 1 to 65535");
        }
        return port;
    }
}
