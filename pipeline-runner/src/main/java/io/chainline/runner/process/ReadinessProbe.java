package io.chainline.runner.process;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Tells {@link ServiceLauncher} when a freshly started service is ready for clients. */
@FunctionalInterface
public interface ReadinessProbe {

    /**
     * Whether the service is ready. Called about every 100 ms while the child runs; must not block for long.
     *
     * @param process the child process of the service
     */
    boolean isReady(Process process);

    /**
     * The address clients use, if this probe knows it; used to register a ready service that did not register
     * itself.
     */
    default Optional<String> address() {
        return Optional.empty();
    }

    /**
     * Ready when the registry holds a live record for {@code name} whose pid is the child's: the child registers
     * itself (see {@link ForegroundService}) once it serves.
     */
    static ReadinessProbe registered(ServiceRegistry registry, String name) {
        requireNonNull(registry, "registry is null");
        ServiceNames.requireValid(name);
        return process ->
                registry.find(name).map(record -> record.pid() == process.pid()).orElse(false);
    }

    /**
     * Ready when a TCP connection to {@code host:port} succeeds.
     *
     * @param host a host name or address, e.g. {@code 127.0.0.1}
     * @param port a port from 1 to 65535
     */
    static ReadinessProbe tcpPort(String host, int port) {
        return new TcpPortProbe(host, port);
    }
}
