package io.chainline.embedded.port;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;

import static java.util.Objects.requireNonNull;

/**
 * The port a local service listens on, kept in {@value #FILE} inside its data directory once it has started there.
 * A service started again on the same data directory without an explicit port takes the kept one, so a client that
 * retries the old address reaches it again. An explicit port replaces the kept one. Deleting the data directory (or
 * only the file) lets the next start pick a new free port.
 */
public final class ServicePort {
    /** The file, inside the data directory, that holds the port as decimal text. */
    public static final String FILE = "chainline.port";

    private ServicePort() {}

    /**
     * The port to start the service on: {@code requested} when it is not 0, else the port kept in {@code dataDir},
     * else 0 (a free one).
     *
     * @throws IllegalArgumentException when {@code requested} is not 0 to 65535
     * @throws ConfigException when the kept file does not hold a port
     * @throws ChainlineException when the kept port is taken by another process on 127.0.0.1
     */
    public static int choose(Path dataDir, int requested, String service) {
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(service, "service is null");
        if (requested < 0 || requested > 65_535) {
            throw new IllegalArgumentException("port is " + requested + ": expected 0 (a free port) or 1 to 65535");
        }
        if (requested != 0) {
            return requested;
        }
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        int kept = read(file);
        if (!free(kept)) {
            throw new ChainlineException(service + " keeps port " + kept + " (in " + file + ") so that clients find it"
                    + " again after a restart, but another process listens on 127.0.0.1:" + kept + ". Stop that"
                    + " process (see `ss -ltnp 'sport = :" + kept + "'`), or start with --port to choose another"
                    + " port, or delete " + file + " to take a free one; clients must then be given the new address");
        }
        return kept;
    }

    /**
     * Keeps {@code port} in {@code dataDir} for the next start; replaces the file atomically.
     *
     * @throws ChainlineException when the file cannot be written
     */
    public static void remember(Path dataDir, int port) {
        requireNonNull(dataDir, "dataDir is null");
        Path file = dataDir.resolve(FILE);
        try {
            Path temp = Files.createTempFile(dataDir, FILE, ".tmp");
            Files.writeString(temp, Integer.toString(port) + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ChainlineException("Cannot keep port " + port + " in " + file + ": " + e.getMessage(), e);
        }
    }

    private static int read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new ChainlineException("Cannot read the kept port in " + file + ": " + e.getMessage(), e);
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below with the file's name.
        }
        throw new ConfigException("Invalid value '" + text + "' in " + file
                + ": must be a TCP port from 1 to 65535; delete the file to let the service take a free port");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
