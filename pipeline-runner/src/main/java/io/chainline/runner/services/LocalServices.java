package io.chainline.runner.services;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;

import com.google.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.state.StateDirectory;
import io.chainline.runner.process.ServiceRecord;
import io.chainline.runner.process.ServiceRegistry;
import io.chainline.runner.state.RunFolders;

import static java.util.Objects.requireNonNull;

/**
 * The local services a command can use when the configuration says {@code embedded}: the one a {@code start-*}
 * command registered, or else one started inside this command, its data under {@code <state-dir>/runs/<time>-<name>},
 * stopped by the run's lifecycle. That folder is claimed for this process ({@link RunFolders}) until the service
 * stops, so that pruning leaves it alone meanwhile.
 */
public final class LocalServices {
    private static final Logger log = LoggerFactory.getLogger(LocalServices.class);
    private static final DateTimeFormatter RUN_DIR =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ServiceRegistry registry;
    private final StateDirectory stateDirectory;
    private final Lifecycle lifecycle;
    private final Clock clock;

    @Inject
    public LocalServices(ServiceRegistry registry, StateDirectory stateDirectory, Lifecycle lifecycle, Clock clock) {
        this.registry = requireNonNull(registry, "registry is null");
        this.stateDirectory = requireNonNull(stateDirectory, "stateDirectory is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The running, registered service of that name, if any. */
    public Optional<ServiceRecord> running(String service) {
        Optional<ServiceRecord> found = registry.find(service);
        found.ifPresent(
                record -> log.info("Using the {} service at {} (pid {})", service, record.address(), record.pid()));
        return found;
    }

    /**
     * Starts the service inside this command.
     *
     * @param service the service's name, e.g. {@code kafka}
     * @param start starts it with its data in the given folder
     */
    public EmbeddedService startForCommand(String service, Function<Path, EmbeddedService> start) {
        Path dataDir = RunFolders.claim(stateDirectory, RUN_DIR.format(clock.instant()) + "-" + service);
        // Managed first, so closed last: the folder may be pruned only once the service has stopped.
        lifecycle.manage(() -> RunFolders.release(dataDir));
        EmbeddedService started = lifecycle.manage(start.apply(dataDir));
        log.warn(
                "No {} service is running (start one with `chainline start-{}`); this command uses one of its own at"
                        + " {} that stops when it ends; its data stays in {}",
                service,
                service,
                started.address(),
                dataDir);
        return started;
    }
}
