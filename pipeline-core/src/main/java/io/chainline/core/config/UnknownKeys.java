package io.chainline.core.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

/**
 * Finds keys under {@code chainline} that no {@code reference.conf} declares: a typo such as
 * {@code chainline.kafka.bootstrp} would otherwise be ignored silently. An empty object in a {@code reference.conf}
 * (such as {@code chainline.kafka.client {}}) is a free-form map: anything below it is accepted.
 */
final class UnknownKeys {

    private UnknownKeys() {}

    static List<String> find(Config actual, Config reference, String root) {
        if (!actual.hasPath(root)) {
            return List.of();
        }
        Set<String> known = new TreeSet<>();
        Set<String> openMaps = new TreeSet<>();
        if (reference.hasPath(root)) {
            collect(reference.getObject(root), root, known, openMaps);
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> entry : actual.getConfig(root).entrySet()) {
            String path = root + "." + entry.getKey();
            if (known.contains(path) || openMaps.stream().anyMatch(map -> path.startsWith(map + "."))) {
                continue;
            }
            String origin = entry.getValue().origin().description();
            problems.add("Unknown key '" + path + "' (from " + origin + "): no reference.conf declares it"
                    + suggestion(path, known)
                            .map(s -> "; did you mean '" + s + "'?")
                            .orElse(""));
        }
        return problems;
    }

    private static void collect(ConfigObject object, String prefix, Set<String> known, Set<String> openMaps) {
        if (object.isEmpty()) {
            openMaps.add(prefix);
            return;
        }
        for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
            String path = prefix + "." + quoteIfNeeded(entry.getKey());
            if (entry.getValue().valueType() == ConfigValueType.OBJECT) {
                collect((ConfigObject) entry.getValue(), path, known, openMaps);
            } else {
                known.add(path);
            }
        }
    }

    private static String quoteIfNeeded(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
    }

    private static Optional<String> suggestion(String path, Set<String> known) {
        return known.stream()
                .min(Comparator.comparingInt(candidate -> distance(path, candidate)))
                .filter(best -> distance(path, best) <= Math.max(2, path.length() / 6));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
