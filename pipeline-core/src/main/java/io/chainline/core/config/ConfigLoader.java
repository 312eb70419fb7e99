package io.chainline.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValue;

import io.chainline.core.error.ConfigException;

import static java.util.Objects.requireNonNull;

/**
 * Loads Chainline's configuration in layers, lowest precedence first:
 * <ol>
 *   <li>every module's {@code reference.conf} (the defaults, one comment per key);</li>
 *   <li>{@code application.conf} on the classpath, or instead the file, resource or URL named by the system property
 *       {@code config.file}, {@code config.resource} or {@code config.url}, as {@code ConfigFactory.load()} does;</li>
 *   <li>the {@code --config} file;</li>
 *   <li>environment variables, for the keys whose {@code reference.conf} declares {@code ${?CHAINLINE_...}};</li>
 *   <li>system properties {@code -Dchainline.some.key=value};</li>
 *   <li>{@code --set key=value} overrides.</li>
 * </ol>
 * The environment is a real layer: a variable beats {@code application.conf} and the {@code --config} file even
 * though its substitution is written in {@code reference.conf}. Options typed for one command ({@code -D},
 * {@code --set}) beat settings of the shell ({@code export CHAINLINE_...}), which beat files. The environment and
 * the system properties come from {@link ConfigSources}, never from the JVM directly. The result is resolved and
 * checked: keys under
 * {@code chainline} that no {@code reference.conf} declares are errors with a "did you mean" hint, and all problems
 * are reported together.
 */
public final class ConfigLoader {
    static final String ENVIRONMENT_ORIGIN = "environment variable";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String ROOT = "chainline";

    private final ConfigSources sources;

    public ConfigLoader(ConfigSources sources) {
        this.sources = requireNonNull(sources, "sources is null");
    }

    /** Loads, layers, resolves and checks the configuration; throws {@link ConfigException} listing every problem. */
    public Config load() {
        Config config = resolve();
        List<String> problems = unknownKeys(config);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    /**
     * Loads, layers and resolves the configuration without checking for unknown keys, so a caller can report them
     * together with the problems its settings find ({@link #unknownKeys(Config)}).
     */
    public Config resolve() {
        ClassLoader loader = sources.classLoader();
        Config environment = environmentConfig();
        Config reference = reference(loader);
        Config application = ApplicationLayer.load(loader, sources.systemProperties());
        Config file = sources.configFile().map(ConfigLoader::parseFile).orElse(ConfigFactory.empty());
        Config systemProperties = SystemPropertiesLayer.parse(sources.systemProperties());
        Config overrides = SetOverrides.parse(sources.overrides());

        Config merged = overrides
                .withFallback(systemProperties)
                .withFallback(environmentLayer(reference, environment))
                .withFallback(file)
                .withFallback(application)
                .withFallback(reference);
        Config resolved;
        try {
            resolved = merged.withFallback(environment).resolve(ConfigResolveOptions.noSystem());
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException("Cannot resolve the configuration: " + e.getMessage(), e);
        }
        return resolved.hasPath(ROOT) ? resolved.withOnlyPath(ROOT) : ConfigFactory.empty();
    }

    /** Keys under {@code chainline} that no {@code reference.conf} declares, each with a "did you mean" hint. */
    public List<String> unknownKeys(Config config) {
        Config resolvedReference = reference(sources.classLoader()).resolve(ConfigResolveOptions.noSystem());
        return UnknownKeys.find(config, resolvedReference, ROOT);
    }

    private static Config reference(ClassLoader loader) {
        return ConfigFactory.parseResourcesAnySyntax(
                loader, "reference.conf", ConfigParseOptions.defaults().setClassLoader(loader));
    }

    private static Config parseFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Invalid value '" + file + "' for '--config': the file does not exist");
        }
        try {
            return ConfigFactory.parseFile(
                    file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException("Cannot parse the --config file " + file + ": " + e.getMessage(), e);
        }
    }

    private Config environmentConfig() {
        Map<String, String> usable = new LinkedHashMap<>();
        sources.environment().forEach((name, value) -> {
            if (ENV_NAME.matcher(name).matches()) {
                usable.put(name, value);
            }
        });
        return ConfigFactory.parseMap(usable, ENVIRONMENT_ORIGIN);
    }

    /**
     * The values that environment variables give to keys of {@code reference.conf}: resolving the reference files
     * against the environment, every value whose origin is the environment itself.
     */
    private static Config environmentLayer(Config reference, Config environment) {
        Config withEnvironment;
        try {
            withEnvironment = reference.withFallback(environment).resolve(ConfigResolveOptions.noSystem());
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException("Cannot resolve the reference configuration: " + e.getMessage(), e);
        }
        if (!withEnvironment.hasPath(ROOT)) {
            return ConfigFactory.empty();
        }
        Config layer = ConfigFactory.empty();
        List<Map.Entry<String, ConfigValue>> entries =
                new ArrayList<>(withEnvironment.getConfig(ROOT).entrySet());
        for (Map.Entry<String, ConfigValue> entry : entries) {
            if (ENVIRONMENT_ORIGIN.equals(entry.getValue().origin().description())) {
                layer = layer.withValue(ROOT + "." + entry.getKey(), entry.getValue());
            }
        }
        return layer;
    }
}
