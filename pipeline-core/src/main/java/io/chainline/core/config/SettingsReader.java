package io.chainline.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.Registry;
import io.chainline.core.redact.Redactor;
import io.chainline.core.store.BlobNames;

import static java.util.Objects.requireNonNull;

/**
 * Reads one settings subtree eagerly into typed values and collects every problem instead of stopping at the first.
 * Settings records use it in their {@code from(Config)} factory:
 *
 * <pre>{@code
 * SettingsReader read = SettingsReader.of(config, "chainline.kafka");
 * String bootstrap = read.string("bootstrap");
 * int partitions = read.intAtLeast("partitions", 1);
 * read.throwIfInvalid();
 * return new KafkaSettings(bootstrap, partitions);
 * }</pre>
 *
 * A method that finds a problem records "Invalid value 'x' for 'chainline.kafka.partitions': must be ..." and
 * returns a placeholder; {@link #throwIfInvalid()} then throws a {@link ConfigException} with all of them.
 */
public final class SettingsReader {
    private final Config config;
    private final String prefix;
    private final List<String> problems = new ArrayList<>();

    private SettingsReader(Config config, String prefix) {
        this.config = requireNonNull(config, "config is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
    }

    /** A reader of the subtree at {@code prefix} of the whole configuration {@code config}. */
    public static SettingsReader of(Config config, String prefix) {
        return new SettingsReader(config, prefix);
    }

    /** The full key of a relative one, as it appears in messages. */
    public String key(String relative) {
        return prefix.isEmpty() ? relative : prefix + "." + relative;
    }

    /** A string; may be empty. */
    public String string(String relative) {
        String key = key(relative);
        if (!present(key)) {
            return "";
        }
        try {
            return config.getString(key);
        } catch (com.typesafe.config.ConfigException e) {
            return invalid(relative, "must be a string", "");
        }
    }

    /** A string that must not be empty. */
    public String nonEmptyString(String relative) {
        String value = string(relative);
        if (present(key(relative)) && value.isBlank()) {
            problem(relative, value, "must not be empty");
        }
        return value;
    }

    /**
     * A non-empty folder of object names under a store root, such as {@code raw_streaming}: a relative object name
     * with no leading or trailing {@code /} and no empty, {@code .} or {@code ..} segments.
     */
    public String objectFolder(String relative) {
        String value = nonEmptyString(relative);
        if (!value.isBlank() && (!BlobNames.isValid(value) || value.endsWith("/"))) {
            problem(
                    relative,
                    value,
                    "must be a relative object name such as raw_streaming"
                            + " (no leading or trailing '/', no empty, '.' or '..' segments)");
        }
        return value;
    }

    /** A string, or empty when it is blank. */
    public Optional<String> optionalString(String relative) {
        String value = string(relative);
        return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** A secret; never appears in messages. */
    public Secret secret(String relative) {
        String key = key(relative);
        if (!present(key)) {
            return Secret.empty();
        }
        try {
            return Secret.of(config.getString(key));
        } catch (com.typesafe.config.ConfigException e) {
            problems.add("Invalid value for '" + key + "': must be a string (value hidden)");
            return Secret.empty();
        }
    }

    /** A boolean ({@code true}/{@code false}, {@code yes}/{@code no}, {@code on}/{@code off}). */
    public boolean bool(String relative) {
        String key = key(relative);
        if (!present(key)) {
            return false;
        }
        try {
            return config.getBoolean(key);
        } catch (com.typesafe.config.ConfigException e) {
            return invalid(relative, "must be true or false", false);
        }
    }

    /** An integer at least {@code min}. */
    public int intAtLeast(String relative, int min) {
        return (int) longBetween(relative, min, Integer.MAX_VALUE);
    }

    /** A whole number in {@code [min, max]}. */
    public long longBetween(String relative, long min, long max) {
        String key = key(relative);
        if (!present(key)) {
            return min;
        }
        long value;
        try {
            value = config.getLong(key);
        } catch (com.typesafe.config.ConfigException e) {
            return invalid(relative, "must be a whole number", min);
        }
        if (value < min || value > max) {
            return invalid(
                    relative,
                    max == Integer.MAX_VALUE || max == Long.MAX_VALUE
                            ? "must be >= " + min
                            : "must be between " + min + " and " + max,
                    min);
        }
        return value;
    }

    /** A duration with its unit ({@code 5s}, {@code 250ms}, {@code 2m}) of at least {@code min}. */
    public Duration duration(String relative, Duration min) {
        String key = key(relative);
        if (!present(key)) {
            return min;
        }
        Duration value;
        try {
            value = config.getDuration(key);
        } catch (com.typesafe.config.ConfigException e) {
            return invalid(relative, "must be a duration with a unit, e.g. 5s or 250ms", min);
        }
        if (value.compareTo(min) < 0) {
            return invalid(
                    relative, "must be at least " + min.toString().substring(2).toLowerCase(Locale.ROOT), min);
        }
        return value;
    }

    /** A size in bytes with its unit ({@code 128MiB}, {@code 64k}) of at least {@code min} bytes. */
    public long bytes(String relative, long min) {
        String key = key(relative);
        if (!present(key)) {
            return min;
        }
        long value;
        try {
            value = config.getBytes(key);
        } catch (com.typesafe.config.ConfigException e) {
            return invalid(relative, "must be a size with a unit, e.g. 128MiB", min);
        }
        if (value < min) {
            return invalid(relative, "must be at least " + min + " bytes", min);
        }
        return value;
    }

    /** One of the enum's constants, written in kebab-case or any case ({@code event-time} for EVENT_TIME). */
    public <E extends Enum<E>> E enumValue(String relative, Class<E> type, E placeholder) {
        String raw = string(relative);
        String normalised = raw.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalised)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
        return invalid(relative, "must be one of " + allowed, placeholder);
    }

    /** An absolute URI. */
    public URI uri(String relative) {
        String raw = string(relative);
        try {
            URI uri = new URI(raw.trim());
            if (uri.getScheme() == null) {
                return invalid(relative, "must be an absolute URI with a scheme, e.g. http://127.0.0.1:6789", null);
            }
            return uri;
        } catch (URISyntaxException e) {
            return invalid(relative, "must be a URI (" + e.getReason() + ")", null);
        }
    }

    /** A file system path; a leading {@code ~/} is the user's home directory. */
    public Path path(String relative) {
        String raw = string(relative).trim();
        if (raw.isEmpty()) {
            return invalid(relative, "must be a path", null);
        }
        try {
            if (raw.equals("~") || raw.startsWith("~/")) {
                return Path.of(System.getProperty("user.home"), raw.substring(1).replaceFirst("^/", ""));
            }
            return Path.of(raw);
        } catch (InvalidPathException e) {
            return invalid(relative, "must be a path (" + e.getReason() + ")", null);
        }
    }

    /** A path, or empty when blank. */
    public Optional<Path> optionalPath(String relative) {
        return string(relative).isBlank() ? Optional.empty() : Optional.ofNullable(path(relative));
    }

    /** A list of strings. */
    public List<String> stringList(String relative) {
        String key = key(relative);
        if (!present(key)) {
            return List.of();
        }
        try {
            return List.copyOf(config.getStringList(key));
        } catch (com.typesafe.config.ConfigException e) {
            return invalid(relative, "must be a list of strings, e.g. [a, b]", List.of());
        }
    }

    /**
     * A name registered in {@code registry}, e.g. the exporter that {@code chainline.export.mode} chooses; an
     * unknown one is a problem that lists the registered names.
     */
    public String registeredName(String relative, Registry<?> registry) {
        requireNonNull(registry, "registry is null");
        String value = nonEmptyString(relative).trim();
        if (!value.isEmpty()) {
            problems.addAll(registry.problems(List.of(value), key(relative)));
        }
        return value;
    }

    /**
     * A list of names registered in {@code registry}, e.g. the sinks of {@code chainline.sinks.enabled}; each
     * unknown one is a problem that lists the registered names.
     */
    public List<String> registeredNames(String relative, Registry<?> registry) {
        requireNonNull(registry, "registry is null");
        List<String> names = stringList(relative);
        problems.addAll(registry.problems(names, key(relative)));
        return names;
    }

    /** A free-form map of strings (such as Kafka client properties); keys may contain dots. */
    public Map<String, String> stringMap(String relative) {
        String key = key(relative);
        if (!present(key)) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, ConfigValue> entry : config.getObject(key).entrySet()) {
                Object value = entry.getValue().unwrapped();
                if (value instanceof Map || value instanceof List) {
                    problems.add("Invalid value for '" + key + "." + entry.getKey()
                            + "': must be a plain value (string, number or boolean)");
                } else {
                    map.put(entry.getKey(), String.valueOf(value));
                }
            }
        } catch (com.typesafe.config.ConfigException e) {
            return invalid(relative, "must be an object of key = value pairs", Map.of());
        }
        return Map.copyOf(map);
    }

    /** Records a problem found by a cross-check, e.g. "must be less than half of 'session-timeout'". */
    public void problem(String relative, Object value, String expectation) {
        problems.add("Invalid value '" + value + "' for '" + key(relative) + "': " + expectation);
    }

    /** Records a problem stated in full, e.g. a registry's "Unknown sink 's3' for 'chainline.sinks.enabled': ...". */
    public void addProblem(String sentence) {
        problems.add(requireNonNull(sentence, "sentence is null"));
    }

    /** The problems found so far. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Throws a {@link ConfigException} listing every problem found, if any. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    /**
     * Builds several settings and reports the problems of all of them together, so one run shows every mistake.
     */
    public static List<Object> buildAll(List<Supplier<?>> factories) {
        List<String> all = new ArrayList<>();
        List<Object> built = new ArrayList<>();
        for (Supplier<?> factory : factories) {
            try {
                built.add(factory.get());
            } catch (ConfigException e) {
                all.addAll(e.problems());
            }
        }
        if (!all.isEmpty()) {
            throw new ConfigException(all);
        }
        return built;
    }

    private boolean present(String key) {
        if (config.hasPathOrNull(key) && !config.getIsNull(key)) {
            return true;
        }
        problems.add("Missing value for '" + key + "': it must be set");
        return false;
    }

    private <T> T invalid(String relative, String expectation, T placeholder) {
        String key = key(relative);
        String shown = Redactor.isSecretKey(key) ? "[hidden]" : Redactor.redactText(rawText(key));
        problems.add("Invalid value '" + shown + "' for '" + key + "': " + expectation);
        return placeholder;
    }

    private String rawText(String key) {
        Object unwrapped = config.getValue(key).unwrapped();
        return String.valueOf(unwrapped);
    }
}
