package io.chainline.runner.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.google.inject.Injector;
import com.google.inject.Module;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;

import io.chainline.core.config.ConfigLoader;
import io.chainline.core.config.ConfigSources;
import io.chainline.core.error.ConfigException;
import io.chainline.core.stage.RunReport;
import io.chainline.runner.inject.ChainlineInjector;

import static java.util.Objects.requireNonNull;

/**
 * How a project that embeds Chainline runs its commands in-process: its own configuration instead of
 * {@code application.conf} and the environment, its Guice modules, bindings that replace Chainline's, and where run
 * reports go.
 *
 * <p>Configuration layers, lowest first: every module's {@code reference.conf}, {@code config} (its {@code chainline}
 * subtree), the command's {@code --config} file, its {@code --set} overrides. The process environment is not read;
 * a project that wants {@code CHAINLINE_*} variables passes {@code ConfigFactory.load()} or its own substitutions.
 *
 * @param config the project's configuration
 * @param modules modules added next to Chainline's (new stages, sources, sinks, table builders, exporters)
 * @param overrides modules whose bindings replace Chainline's ({@code Modules.override})
 * @param reports receives the report of every run a command makes
 */
public record Embedding(Config config, List<Module> modules, List<Module> overrides, Consumer<RunReport> reports) {
    private static final String ROOT = "chainline";
    /** Sees no resources: a {@link ConfigLoader} over it yields only the {@code --config} and {@code --set} layers. */
    private static final ClassLoader NO_RESOURCES = new ClassLoader(null) {};

    public Embedding {
        requireNonNull(config, "config is null");
        modules = List.copyOf(requireNonNull(modules, "modules is null"));
        overrides = List.copyOf(requireNonNull(overrides, "overrides is null"));
        requireNonNull(reports, "reports is null");
    }

    /**
     * The layered configuration for a command's options; throws {@link ConfigException} listing unknown keys.
     */
    public Config load(GlobalOptions options) {
        Config resolved = resolve(options);
        List<String> unknown = loader(List.of()).unknownKeys(resolved);
        if (!unknown.isEmpty()) {
            throw new ConfigException(unknown);
        }
        return resolved;
    }

    /** The injector for a command's options; unknown keys and invalid settings are reported together. */
    public Injector injector(GlobalOptions options) {
        Config resolved = resolve(options);
        List<String> problems = new ArrayList<>(loader(List.of()).unknownKeys(resolved));
        try {
            Injector injector = ChainlineInjector.create(resolved, modules, overrides);
            if (problems.isEmpty()) {
                return injector;
            }
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        throw new ConfigException(problems);
    }

    private Config resolve(GlobalOptions options) {
        Config commandLayer = new ConfigLoader(new ConfigSources(
                        NO_RESOURCES,
                        Optional.ofNullable(options == null ? null : options.configFile()),
                        Map.of(),
                        options == null ? List.of() : options.overrides(Map.of())))
                .resolve();
        ClassLoader loader = Embedding.class.getClassLoader();
        Config reference = ConfigFactory.parseResourcesAnySyntax(
                loader, "reference.conf", ConfigParseOptions.defaults().setClassLoader(loader));
        Config own = config.hasPath(ROOT) ? config.withOnlyPath(ROOT) : ConfigFactory.empty();
        Config resolved;
        try {
            resolved = commandLayer.withFallback(own).withFallback(reference).resolve(ConfigResolveOptions.noSystem());
        } catch (com.typesafe.config.ConfigException e) {
            throw new ConfigException("Cannot resolve the configuration: " + e.getMessage(), e);
        }
        return resolved.hasPath(ROOT) ? resolved.withOnlyPath(ROOT) : ConfigFactory.empty();
    }

    private static ConfigLoader loader(List<String> overrides) {
        return new ConfigLoader(
                new ConfigSources(Embedding.class.getClassLoader(), Optional.empty(), Map.of(), overrides));
    }
}
