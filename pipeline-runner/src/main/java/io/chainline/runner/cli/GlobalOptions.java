package io.chainline.runner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import io.chainline.core.error.ConfigException;

/** Options every sub-command accepts, before or after its name. */
public final class GlobalOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "A HOCON file whose keys override application.conf and the defaults.")
    Path configFile;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            scope = ScopeType.INHERIT,
            description = "Override one key, e.g. --set chainline.kafka.bootstrap=localhost:9092 (repeatable).")
    List<String> overrides = new ArrayList<>();

    /** Filled by the {@code start-*} commands for their background child, so no secret shows on its command line. */
    @Option(
            names = "--set-from-env",
            paramLabel = "VARIABLE",
            scope = ScopeType.INHERIT,
            hidden = true,
            description = "Override one key with the KEY=VALUE held by an environment variable (repeatable).")
    List<String> overridesFromEnvironment = new ArrayList<>();

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Also print log lines and stack traces on stderr (by default they go to the log file only).")
    boolean verbose;

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            scope = ScopeType.INHERIT,
            description = "The level of every logger: ${COMPLETION-CANDIDATES} (default: INFO for Chainline, WARN"
                    + " for libraries).")
    LogLevel logLevel;

    @Option(
            names = "--json",
            scope = ScopeType.INHERIT,
            description = "Print the report as JSON on stdout; human output goes to stderr.")
    boolean json;

    /** The {@code --config} file, or null. */
    public Path configFile() {
        return configFile;
    }

    /** The {@code --set} overrides in the order given. */
    public List<String> overrides() {
        return List.copyOf(overrides);
    }

    /**
     * The {@code --set} overrides in the order given, followed by those of {@code --set-from-env}, read from
     * {@code environment}.
     *
     * @throws ConfigException if a variable that {@code --set-from-env} names is not set
     */
    public List<String> overrides(Map<String, String> environment) {
        List<String> all = new ArrayList<>(overrides);
        for (String variable : overridesFromEnvironment) {
            String override = environment.get(variable);
            if (override == null) {
                throw new ConfigException("Invalid value '" + variable + "' for '--set-from-env': no such environment"
                        + " variable; expected one holding chainline.<key>=<value>");
            }
            all.add(override);
        }
        return List.copyOf(all);
    }

    /** Adds an override after those given with {@code --set}, for command options that map onto a key. */
    void override(String key, String value) {
        overrides.add(key + "=" + value);
    }

    /** {@code --verbose} and {@code --log-level}. */
    public LogOptions logOptions() {
        return new LogOptions(verbose, Optional.ofNullable(logLevel));
    }

    /** Whether {@code --json} was given. */
    public boolean json() {
        return json;
    }
}
