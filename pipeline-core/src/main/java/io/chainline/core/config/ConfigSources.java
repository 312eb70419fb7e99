package io.chainline.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The inputs of the configuration layers, lowest precedence first: every module's {@code reference.conf} and the
 * {@code application.conf} found through {@code classLoader}, the {@code --config} file, the environment, the
 * {@code --set key=value} overrides.
 *
 * @param classLoader where {@code reference.conf} and {@code application.conf} are looked up
 * @param configFile the {@code --config} file, if any
 * @param environment the process environment (tests pass their own)
 * @param overrides the {@code --set} arguments, each {@code chainline.some.key=value}
 */
public record ConfigSources(
        ClassLoader classLoader, Optional<Path> configFile, Map<String, String> environment, List<String> overrides) {

    public ConfigSources {
        requireNonNull(classLoader, "classLoader is null");
        requireNonNull(configFile, "configFile is null");
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        overrides = List.copyOf(requireNonNull(overrides, "overrides is null"));
    }

    /** The layers of a normal run: this class's loader, the real environment, no file and no overrides. */
    public static ConfigSources defaults() {
        return new ConfigSources(ConfigSources.class.getClassLoader(), Optional.empty(), System.getenv(), List.of());
    }

    /** These sources with a {@code --config} file. */
    public ConfigSources withConfigFile(Path file) {
        return new ConfigSources(classLoader, Optional.of(file), environment, overrides);
    }

    /** These sources with another environment. */
    public ConfigSources withEnvironment(Map<String, String> env) {
        return new ConfigSources(classLoader, configFile, env, overrides);
    }

    /** These sources with {@code --set} overrides. */
    public ConfigSources withOverrides(List<String> sets) {
        return new ConfigSources(classLoader, configFile, environment, sets);
    }
}
