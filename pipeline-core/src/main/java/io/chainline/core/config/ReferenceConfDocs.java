package io.chainline.core.config;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

/**
 * Checks that a {@code reference.conf} documents itself: every leaf key (and every empty object, which is a free-form
 * map) must have a comment above its first declaration.
 */
public final class ReferenceConfDocs {

    private ReferenceConfDocs() {}

    /** The keys of the file at {@code url} that have no comment, as full paths; empty when all are documented. */
    public static List<String> undocumentedKeys(URL url) {
        Config parsed = ConfigFactory.parseURL(
                        url, ConfigParseOptions.defaults().setAllowMissing(false))
                .resolve(ConfigResolveOptions.noSystem());
        List<String> missing = new ArrayList<>();
        collect(parsed.root(), "", missing);
        return missing;
    }

    private static void collect(ConfigObject object, String prefix, List<String> missing) {
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            ConfigValue value = entry.getValue();
            boolean leaf = value.valueType() != ConfigValueType.OBJECT || ((ConfigObject) value).isEmpty();
            if (!leaf) {
                collect((ConfigObject) value, path, missing);
            } else if (value.origin().comments().stream().allMatch(String::isBlank)) {
                missing.add(path);
            }
        }
    }
}
