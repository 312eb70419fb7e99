package io.chainline.core.config;

import java.util.List;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;

import io.chainline.core.error.ConfigException;

/**
 * Parses {@code --set chainline.some.key=value} arguments into a configuration layer. The value is taken as a plain
 * string (so {@code gs://bucket/x} stays intact; strings convert to numbers, durations and booleans when read),
 * unless it starts with {@code [} or <code>{</code>, in which case it is parsed as a HOCON list or object.
 */
final class SetOverrides {

    private SetOverrides() {}

    static Config parse(List<String> overrides) {
        Config layer = ConfigFactory.empty();
        for (String override : overrides) {
            int equals = override.indexOf('=');
            String key = equals < 0 ? override : override.substring(0, equals).trim();
            if (equals < 0 || key.isEmpty() || !key.startsWith("chainline.")) {
                throw new ConfigException(
                        "Invalid value '" + override + "' for '--set': expected chainline.<key>=<value>,"
                                + " e.g. --set chainline.kafka.bootstrap=localhost:9092");
            }
            String raw = override.substring(equals + 1);
            try {
                layer = layer.withValue(key, valueOf(raw, "--set " + key));
            } catch (com.typesafe.config.ConfigException e) {
                throw new ConfigException("Invalid value '" + override + "' for '--set': " + e.getMessage(), e);
            }
        }
        return layer;
    }

    /**
     * A value given on the command line ({@code --set} or {@code -D}): a plain string, or HOCON when it starts with
     * {@code [} or <code>{</code>.
     *
     * @param raw the text after {@code =}
     * @param origin where it came from, as unknown-key messages name it
     */
    static ConfigValue valueOf(String raw, String origin) {
        String trimmed = raw.trim();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
            return ConfigFactory.parseString("value = " + trimmed)
                    .getValue("value")
                    .withOrigin(ConfigValueFactory.fromAnyRef(raw, origin).origin());
        }
        return ConfigValueFactory.fromAnyRef(raw, origin);
    }
}
