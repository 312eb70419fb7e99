package io.chainline.runner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.inject.Injector;
import com.typesafe.config.Config;

import io.chainline.core.config.ConfigLoader;
import io.chainline.core.config.ConfigSources;
import io.chainline.core.error.ConfigException;
import io.chainline.core.settings.StateSettings;
import io.chainline.core.stage.RunReport;
import io.chainline.runner.inject.ChainlineInjector;
import io.chainline.runner.state.StatePruner;

import static java.util.Objects.requireNonNull;

/**
 * What commands run against: the process environment and system properties, the configuration built from them and
 * the global options, and the injector built from it. Both are built on first use, so {@code --help} works with a broken configuration.
 */
public final class CommandEnvironment {
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private final CliOutput output;
    private final PrintWriter err;
    private final boolean terminal;
    private final Optional<Embedding> embedding;
    private final CommandLogging logging;
    private Optional<Path> logFile;

    CommandEnvironment(
            Map<String, String> environment,
            Map<String, String> systemProperties,
            CliOutput output,
            PrintWriter err,
            boolean terminal,
            Optional<Embedding> embedding,
            CommandLogging logging) {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        this.systemProperties = Map.copyOf(requireNonNull(systemProperties, "systemProperties is null"));
        this.output = requireNonNull(output, "output is null");
        this.err = requireNonNull(err, "err is null");
        this.terminal = terminal;
        this.embedding = requireNonNull(embedding, "embedding is null");
        this.logging = requireNonNull(logging, "logging is null");
    }

    /**
     * How a background child of this command gets the same configuration: its {@code --config} file, the
     * {@code -Dconfig.*} and {@code -Dchainline.*} system properties and the {@code --set} overrides of this command,
     * then {@code extra} overrides.
     */
    ChildConfiguration childConfiguration(GlobalOptions options, List<String> extra) {
        return ChildConfiguration.of(options, options.overrides(environment), systemProperties, extra);
    }

    /** Whether stderr is a terminal, so progress is drawn in place. */
    boolean terminal() {
        return terminal;
    }

    /** Hands the report of a finished run to an embedding project, if any. */
    void reported(RunReport report) {
        embedding.ifPresent(e -> e.reports().accept(report));
    }

    /** Where commands print. */
    public CliOutput output() {
        return output;
    }

    /** The raw stderr writer, for progress lines drawn in place. */
    PrintWriter errWriter() {
        return err;
    }

    /** Loads the layered configuration for these options. */
    public Config config(GlobalOptions options) {
        Config config = embedding.isPresent()
                ? embedding.get().load(options)
                : loader(options).load();
        startLogging(config, options);
        return config;
    }

    /**
     * Builds the injector of every module for these options, then prunes the state directory ({@link StatePruner}).
     * Unknown keys and invalid settings of every module are reported together in one {@link ConfigException}.
     */
    public Injector injector(GlobalOptions options) {
        Injector injector = embedding.isPresent() ? embedding.get().injector(options) : standaloneInjector(options);
        startLogging(injector.getInstance(Config.class), options);
        // Every command that builds an injector starts by pruning the state directory's runs/ and reports/.
        injector.getInstance(StatePruner.class).prune();
        return injector;
    }

    /** Whether this command's logging was set up (its configuration was loaded), so log lines go where it says. */
    boolean loggingStarted() {
        return logFile != null;
    }

    /** The file this command's log lines go to, once the configuration was loaded; empty when there is none. */
    Optional<Path> logFile() {
        return logFile == null ? Optional.empty() : logFile;
    }

    private void startLogging(Config config, GlobalOptions options) {
        if (logFile == null) {
            logFile = logging.start(StateSettings.from(config).stateDir().resolve("logs"), options.logOptions());
        }
    }

    private Injector standaloneInjector(GlobalOptions options) {
        ConfigLoader loader = loader(options);
        Config config = loader.resolve();
        // Logging first, so that what goes wrong while the modules are built is logged to the command's log file.
        try {
            startLogging(config, options);
        } catch (ConfigException invalidStateDir) {
            // Reported below with every other problem of the configuration.
        }
        List<String> problems = new ArrayList<>(loader.unknownKeys(config));
        try {
            Injector injector = ChainlineInjector.create(config, List.of());
            if (problems.isEmpty()) {
                return injector;
            }
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        throw new ConfigException(problems);
    }

    private ConfigLoader loader(GlobalOptions options) {
        return new ConfigLoader(new ConfigSources(
                CommandEnvironment.class.getClassLoader(),
                Optional.ofNullable(options.configFile()),
                environment,
                systemProperties,
                options.overrides(environment)));
    }
}
