package io.chainline.runner.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.inject.Injector;
import com.typesafe.config.Config;

import io.chainline.core.config.ConfigLoader;
import io.chainline.core.config.ConfigSources;
import io.chainline.runner.inject.ChainlineInjector;

import static java.util.Objects.requireNonNull;

/**
 * What commands run against: the process environment, the configuration built from the global options, and the
 * injector built from it. Both are built on first use, so {@code --help} works with a broken configuration.
 */
public final class CommandEnvironment {
    private final Map<String, String> environment;
    private final CliOutput output;

    CommandEnvironment(Map<String, String> environment, CliOutput output) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.output = requireNonNull(output, "output is null");
    }

    /** Where commands print. */
    public CliOutput output() {
        return output;
    }

    /** Loads the layered configuration for these options. */
    public Config config(GlobalOptions options) {
        ConfigSources sources = new ConfigSources(CommandEnvironment.class.getClassLoader(),
                Optional.ofNullable(options.configFile()), environment, options.overrides());
        return new ConfigLoader(sources).load();
    }

    /** Builds the injector of every module for these options. */
    public Injector injector(GlobalOptions options) {
        return ChainlineInjector.create(config(options), List.of());
    }
}
