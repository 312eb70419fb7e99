package io.chainline.olap.spark;

import java.util.LinkedHashMap;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import io.chainline.core.config.SettingsReader;

/**
 * Reads a free-form object of Spark settings. HOCON turns {@code spark.sql.shuffle.partitions = 8} into nested
 * objects, so the entries are flattened back to dotted keys; quoted keys ({@code "spark.x" = 1}) give the same.
 */
final class SparkConfEntries {

    private SparkConfEntries() {}

    /**
     * The flattened entries under {@code reader}'s key {@code relative}, sorted by key; lists are reported as
     * problems of {@code reader}.
     */
    static Map<String, String> read(Config config, SettingsReader reader, String relative) {
        Map<String, String> entries = new LinkedHashMap<>();
        String path = reader.key(relative);
        if (!config.hasPath(path)) {
            return entries;
        }
        config.getConfig(path).entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> {
                    String key = String.join(".", ConfigUtil.splitPath(entry.getKey()));
                    ConfigValue value = entry.getValue();
                    if (value.valueType() == ConfigValueType.LIST) {
                        reader.problem(
                                relative + "." + key,
                                value.unwrapped(),
                                "must be a plain value (string, number or boolean)");
                    } else {
                        entries.put(key, String.valueOf(value.unwrapped()));
                    }
                });
        return entries;
    }
}
