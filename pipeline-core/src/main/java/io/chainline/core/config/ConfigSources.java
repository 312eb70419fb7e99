package io.chainline.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The inputs of the configuration layers, lowest precedence first: every module's {@code reference.conf} and the
 * {@code application.conf} found through {@code classLoader} (or the file, resource or URL that the system property
 * {@code config.file}, {@code config.resource} or {@code config.url} names instead), the {@code --config} file, the
 * environment, the {@code chainline.*} system properties, the {@code --set key=value} overrides.
 *
 * <p>Nothing here reads global state by itself: the caller passes the environment and the system properties (the
 * command line passes the process's own, tests pass theirs), so two loaders in one JVM never see each other's.
 *
 * @param classLoader where {@code reference.conf} and {@code application.conf} are looked up
 * @param configFile the {@code --config} file, if any
 * @param environment the process environment (tests pass their own)
 * @param systemProperties the JVM's system properties (tests pass their own); only {@code chainline.*},
 *     {@code config.file}, {@code config.resource} and {@code config.url} are used
 * @param overrides the {@code --set} arguments, each {@code chainline.some.key=value}
 */
public record ConfigSources(
        ClassLoader classLoader,
        Optional<Path> configFile,
        Map<String, String> environment,
        Map<String, String> systemProperties,
        List<String> overrides) {

    public ConfigSources {
        requireNonNull(classLoader, "classLoader is null");
        requireNonNull(configFile, "configFile is null");
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        systemProperties = Map.copyOf(requireNonNull(systemProperties, "systemProperties is null"));
        overrides = List.copyOf(requireNonNull(overrides, "overrides is null"));
    }

    /** Sources without system properties: {@code application.conf} is the application layer, no {@code -D} layer. */
    public ConfigSources(
            ClassLoader classLoader,
            Optional<Path> configFile,
            Map<String, String> environment,
            List<String> overrides) {
        this(classLoader, configFile, environment, Map.of(), overrides);
    }

    /**
     * The layers of a normal run: this class's loader, the real environment and system properties (as they are
     * now), no file and no overrides.
     */
    public static ConfigSources defaults() {
        return new ConfigSources(
                ConfigSources.class.getClassLoader(),
                Optional.empty(),
                System.getenv(),
                snapshot(System.getProperties()),
                List.of());
    }

    /** The string-valued entries of {@code properties} as they are now, e.g. of {@link System#getProperties()}. */
    public static Map<String, String> snapshot(Properties properties) {
        requireNonNull(properties, "properties is null");
        Map<String, String> copy = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            String value = properties.getProperty(name);
            if (value != null) {
                copy.put(name, value);
            }
        }
        return copy;
    }

    /** These sources with a {@code --config} file. */
    public ConfigSources withConfigFile(Path file) {
        return new ConfigSources(classLoader, Optional.of(file), environment, systemProperties, overrides);
    }

    /** These sources with another environment. */
    public ConfigSources withEnvironment(Map<String, String> env) {
        return new ConfigSources(classLoader, configFile, env, systemProperties, overrides);
    }

    /** These sources with other system properties. */
    public ConfigSources withSystemProperties(Map<String, String> properties) {
        return new ConfigSources(classLoader, configFile, environment, properties, overrides);
    }

    /** These sources with {@code --set} overrides. */
    public ConfigSources withOverrides(List<String> sets) {
        return new ConfigSources(classLoader, configFile, environment, systemProperties, sets);
    }
}
