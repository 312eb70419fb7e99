package io.chainline.runner.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import static java.util.Objects.requireNonNull;

/** {@code chainline}: without a sub-command it prints the usage. */
@Command(
        name = "chainline",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Supply-chain batch pipeline: CSV files and offline stores -> Kafka -> PostgreSQL bronze and "
                + "raw files -> Spark star schema (silver) -> BigQuery, Mage or DuckDB.",
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Exit codes: 0 success, 1 a run failed, 2 usage or configuration error."})
public final class RootCommand implements Runnable {
    private final CommandEnvironment environment;

    @Mixin
    GlobalOptions options;

    @Spec
    CommandSpec spec;

    RootCommand(CommandEnvironment environment) {
        this.environment = requireNonNull(environment, "environment is null");
    }

    /** The environment commands run against. */
    public CommandEnvironment environment() {
        return environment;
    }

    /** The global options as given on the command line. */
    public GlobalOptions options() {
        return options;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
