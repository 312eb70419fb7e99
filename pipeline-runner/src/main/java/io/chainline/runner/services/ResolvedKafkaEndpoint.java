package io.chainline.runner.services;

import java.util.Properties;

import com.google.inject.Inject;

import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.settings.KafkaSettings;

import static java.util.Objects.requireNonNull;

/**
 * The Kafka endpoint of a command, found on first use: the configured servers; or, with
 * {@code chainline.kafka.bootstrap = embedded}, the broker {@code chainline start-kafka} runs, or else a broker
 * started inside this command ({@link LocalServices}).
 */
public final class ResolvedKafkaEndpoint implements KafkaEndpoint {
    /** The registry name of the Kafka service. */
    public static final String SERVICE = "kafka";

    private final KafkaSettings settings;
    private final LocalServices services;
    private String bootstrapServers;

    @Inject
    public ResolvedKafkaEndpoint(KafkaSettings settings, LocalServices services) {
        this.settings = requireNonNull(settings, "settings is null");
        this.services = requireNonNull(services, "services is null");
    }

    @Override
    public synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = !settings.isEmbedded()
                    ? settings.bootstrap()
                    : services.running(SERVICE)
                            .map(service -> service.address())
                            .orElseGet(() -> services.startForCommand(
                                            SERVICE, dataDir -> InProcessServices.kafka(dataDir, 0))
                                    .address());
        }
        return bootstrapServers;
    }

    @Override
    public Properties clientProperties() {
        return settings.clientProperties(bootstrapServers());
    }

    @Override
    public String toString() {
        return "KafkaEndpoint[" + settings.bootstrap() + "]";
    }
}
