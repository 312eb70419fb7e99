package io.chainline.core.config;

import java.util.Map;
import java.util.TreeMap;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import io.chainline.core.error.ConfigException;
import io.chainline.core.redact.Redactor;

/**
 * The {@code -Dchainline.some.key=value} system properties as a configuration layer. Values follow the
 * {@code --set} rule: a plain string, or HOCON when it starts with {@code [} or <code>{</code>. Other system
 * properties ({@code java.*}, {@code user.home}, …) are not configuration and are ignored.
 */
final class SystemPropertiesLayer {
    private static final String PREFIX = "chainline.";

    private SystemPropertiesLayer() {}

    static Config parse(Map<String, String> systemProperties) {
        Config layer = ConfigFactory.empty();
        // Sorted, so a parent key ("chainline.kafka") comes before its children and they refine it.
        for (Map.Entry<String, String> property : new TreeMap<>(systemProperties).entrySet()) {
            String key = property.getKey();
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            try {
                layer = layer.withValue(key, SetOverrides.valueOf(property.getValue(), "system property " + key));
            } catch (com.typesafe.config.ConfigException e) {
                throw new ConfigException(
                        "Invalid value '" + Redactor.redactValue(key, property.getValue()) + "' for system property '"
                                + key + "': expected a string or a HOCON list or object: " + e.getMessage(),
                        e);
            }
        }
        return layer;
    }
}
