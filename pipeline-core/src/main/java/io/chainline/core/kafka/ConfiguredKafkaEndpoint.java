package io.chainline.core.kafka;

import java.util.Properties;

import com.google.inject.Inject;

import io.chainline.core.error.ConfigException;
import io.chainline.core.settings.KafkaSettings;

import static java.util.Objects.requireNonNull;

/**
 * The endpoint {@code chainline.kafka} names, for programs and tests that run against a known cluster. It does not
 * know the local services: {@code bootstrap = embedded} is an error here (the runner binds its own endpoint that
 * does).
 */
public final class ConfiguredKafkaEndpoint implements KafkaEndpoint {
    private final KafkaSettings settings;

    @Inject
    public ConfiguredKafkaEndpoint(KafkaSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public String bootstrapServers() {
        if (settings.isEmbedded()) {
            throw new ConfigException("Invalid value 'embedded' for 'chainline.kafka.bootstrap': this program has no"
                    + " local services; give the servers as host:port");
        }
        return settings.bootstrap();
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
