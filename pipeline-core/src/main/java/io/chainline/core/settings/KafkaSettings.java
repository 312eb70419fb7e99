package io.chainline.core.settings;

import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;
import io.chainline.core.redact.Redactor;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.kafka}: where the Kafka cluster is and the extra client properties (TLS, SASL) given verbatim to
 * every producer, consumer and admin client.
 *
 * @param bootstrap {@code host:port[,host:port…]}, or {@value #EMBEDDED}
 * @param client extra client properties, e.g. {@code security.protocol}; secret ones are redacted in toString
 */
public record KafkaSettings(String bootstrap, Map<String, String> client) {
    /** The bootstrap value that asks for the local embedded broker. */
    public static final String EMBEDDED = "embedded";

    public KafkaSettings {
        requireNonNull(bootstrap, "bootstrap is null");
        client = Map.copyOf(requireNonNull(client, "client is null"));
    }

    /** Reads and validates {@code chainline.kafka}. */
    public static KafkaSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, "chainline.kafka");
        String bootstrap = read.nonEmptyString("bootstrap").trim();
        if (!bootstrap.isEmpty() && !bootstrap.equals(EMBEDDED)) {
            for (String server : bootstrap.split(",")) {
                if (!server.trim().matches("[^\\s:/]+:\\d{1,5}")) {
                    read.problem(
                            "bootstrap",
                            bootstrap,
                            "must be '" + EMBEDDED + "' or a comma-separated list of"
                                    + " host:port, e.g. localhost:9092");
                    break;
                }
            }
        }
        Map<String, String> client = read.stringMap("client");
        read.throwIfInvalid();
        return new KafkaSettings(bootstrap, client);
    }

    /** Whether the embedded broker is asked for. */
    public boolean isEmbedded() {
        return EMBEDDED.equals(bootstrap);
    }

    /** The client properties plus the given bootstrap servers, ready for a Kafka client constructor. */
    public Properties clientProperties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put("bootstrap.servers", requireNonNull(bootstrapServers, "bootstrapServers is null"));
        return properties;
    }

    @Override
    public String toString() {
        return "KafkaSettings[bootstrap=" + bootstrap + ", client="
                + client.entrySet().stream()
                        .map(e -> e.getKey() + "=" + Redactor.redactValue(e.getKey(), e.getValue()))
                        .sorted()
                        .collect(Collectors.joining(", ", "{", "}"))
                + "]";
    }
}
