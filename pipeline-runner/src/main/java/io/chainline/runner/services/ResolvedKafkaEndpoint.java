package io.chainline.runner.services;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;

import com.google.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.service.ServiceRecord;
import io.chainline.core.service.ServiceRegistry;
import io.chainline.core.service.StateDirectory;
import io.chainline.core.settings.KafkaSettings;
import io.chainline.embedded.kafka.EmbeddedKafka;

import static java.util.Objects.requireNonNull;

/**
 * The Kafka endpoint of a command, found on first use: the configured servers; or, with
 * {@code chainline.kafka.bootstrap = embedded}, the broker {@code chainline start-kafka} runs (from the service
 * registry); or else a broker started inside this command, whose data lives under
 * {@code <state-dir>/runs/<time>-kafka} and which the run's lifecycle stops.
 */
public final class ResolvedKafkaEndpoint implements KafkaEndpoint {
    /** The registry name of the Kafka service. */
    public static final String SERVICE = "kafka";
    private static final Logger log = LoggerFactory.getLogger(ResolvedKafkaEndpoint.class);
    private static final DateTimeFormatter RUN_DIR = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final KafkaSettings settings;
    private final ServiceRegistry registry;
    private final StateDirectory stateDirectory;
    private final Lifecycle lifecycle;
    private final Clock clock;
    private String bootstrapServers;

    @Inject
    public ResolvedKafkaEndpoint(KafkaSettings settings, ServiceRegistry registry, StateDirectory stateDirectory,
            Lifecycle lifecycle, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.stateDirectory = requireNonNull(stateDirectory, "stateDirectory is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = resolve();
        }
        return bootstrapServers;
    }

    @Override
    public Properties clientProperties() {
        return settings.clientProperties(bootstrapServers());
    }

    private String resolve() {
        if (!settings.isEmbedded()) {
            return settings.bootstrap();
        }
        var running = registry.find(SERVICE);
        if (running.isPresent()) {
            ServiceRecord service = running.get();
            log.info("Using the Kafka service at {} (pid {})", service.address(), service.pid());
            return service.address();
        }
        Path dataDir = stateDirectory.root().resolve("runs").resolve(RUN_DIR.format(clock.instant()) + "-kafka");
        EmbeddedKafka kafka = lifecycle.manage(EmbeddedKafka.start(dataDir));
        log.warn("No Kafka service is running (start one with `chainline start-kafka`); this command uses a broker"
                + " of its own at {} that stops when it ends; its data stays in {}", kafka.bootstrapServers(), dataDir);
        return kafka.bootstrapServers();
    }

    @Override
    public String toString() {
        return "KafkaEndpoint[" + settings.bootstrap() + "]";
    }
}
