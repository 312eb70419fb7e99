package io.chainline.runner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

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

    /** Adds an override after those given with {@code --set}, for command options that map onto a key. */
    void override(String key, String value) {
        overrides.add(key + "=" + value);
    }

    /** {@code --config} and {@code --set} as arguments for a child process of the same command line. */
    List<String> asArguments() {
        List<String> args = new ArrayList<>();
        if (configFile != null) {
            args.add("--config");
            args.add(configFile.toAbsolutePath().toString());
        }
        for (String override : overrides) {
            args.add("--set");
            args.add(override);
        }
        return args;
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
