package io.chainline.runner.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import io.chainline.core.config.ConfigSources;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;
import io.chainline.core.error.ErrorKind;
import io.chainline.core.error.FailureDescription;

import static java.util.Objects.requireNonNull;

/**
 * Builds the {@code chainline} command line and maps failures to exit codes: configuration errors 2 (with every
 * problem listed), run failures 1, usage errors 2. Messages are redacted.
 */
public final class ChainlineCli {
    private static final Logger log = LoggerFactory.getLogger(ChainlineCli.class);

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private final boolean terminal;
    private final Optional<Embedding> embedding;
    private final CommandLogging logging;

    /**
     * A command line printing to the given writers and configured from the given environment, without system
     * properties.
     *
     * @param out where results go (tables, JSON)
     * @param err where messages for people go
     * @param environment the environment variables configuration may come from
     */
    public ChainlineCli(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        this(out, err, environment, Map.of());
    }

    /**
     * A command line printing to the given writers and configured from the given environment and system properties
     * ({@code -Dconfig.file}, {@code -Dchainline.<key>=<value>}).
     *
     * @param out where results go (tables, JSON)
     * @param err where messages for people go
     * @param environment the environment variables configuration may come from
     * @param systemProperties the system properties configuration may come from
     */
    public ChainlineCli(
            PrintWriter out, PrintWriter err, Map<String, String> environment, Map<String, String> systemProperties) {
        this(out, err, environment, systemProperties, false, Optional.empty(), CommandLogging.HOST);
    }

    private ChainlineCli(
            PrintWriter out,
            PrintWriter err,
            Map<String, String> environment,
            Map<String, String> systemProperties,
            boolean terminal,
            Optional<Embedding> embedding,
            CommandLogging logging) {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.environment = requireNonNull(environment, "environment is null");
        this.systemProperties = requireNonNull(systemProperties, "systemProperties is null");
        this.terminal = terminal;
        this.embedding = requireNonNull(embedding, "embedding is null");
        this.logging = requireNonNull(logging, "logging is null");
    }

    /**
     * The command line of the real process: stdout, stderr, the process environment, its system properties and its
     * terminal, with the logging the host process already has.
     */
    public static ChainlineCli forSystem() {
        return forSystem(CommandLogging.HOST);
    }

    /**
     * The command line of the real process, whose log lines go where {@code logging} sends them once the
     * configuration is known (the runnable jar: a file under the state directory).
     */
    public static ChainlineCli forSystem(CommandLogging logging) {
        Map<String, String> environment = System.getenv();
        return new ChainlineCli(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                environment,
                ConfigSources.snapshot(System.getProperties()),
                Terminal.stderrIsTerminal(environment),
                Optional.empty(),
                logging);
    }

    /**
     * The command line of a project that embeds Chainline: configuration, modules and report hand-off from
     * {@code embedding}, no environment variables or system properties, progress as plain lines.
     */
    public static ChainlineCli embedded(PrintWriter out, PrintWriter err, Embedding embedding) {
        return new ChainlineCli(
                out,
                err,
                Map.of(),
                Map.of(),
                false,
                Optional.of(requireNonNull(embedding, "embedding is null")),
                CommandLogging.HOST);
    }

    /** Runs the command line and returns its exit code. */
    public int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The picocli command line with every sub-command registered. */
    CommandLine commandLine() {
        CliOutput output = new CliOutput(out, err);
        CommandEnvironment commandEnvironment =
                new CommandEnvironment(environment, systemProperties, output, err, terminal, embedding, logging);
        CommandLine cli = new CommandLine(new RootCommand(commandEnvironment));
        Map<String, Supplier<CommandLine>> available = new HashMap<>();
        available.put("start-kafka", () -> new CommandLine(new StartKafkaCommand()));
        available.put("start-postgres", () -> new CommandLine(new StartPostgresCommand()));
        available.put("start-mage", () -> new CommandLine(new StartMageCommand()));
        available.put("start-spark", () -> new CommandLine(new StartSparkCommand()));
        available.put("olap-transformation-pipeline", () -> new CommandLine(new OlapTransformationPipelineCommand()));
        available.put("stream-data", () -> new CommandLine(new StreamDataCommand()));
        available.put("consume", () -> new CommandLine(new ConsumeCommand()));
        available.put("start-batch-pipeline", () -> new CommandLine(new StartBatchPipelineCommand()));
        available.put("start-project", () -> new CommandLine(new StartProjectCommand()));
        available.put("start-streaming-pipeline", () -> new CommandLine(new StartStreamingPipelineCommand()));
        available.put("dlq", () -> new CommandLine(new DlqCommand()));
        available.put("gcs-to-bigquery-pipeline", () -> new CommandLine(new ExportCommand()));
        available.put("sql", () -> new CommandLine(new SqlCommand()));
        available.put("status", () -> new CommandLine(new StatusCommand()));
        available.put("stop-all", () -> new CommandLine(new StopAllCommand()));
        available.put("generate-completion", () -> new CommandLine(new AutoComplete.GenerateCompletion()));
        for (String service : CommandCatalog.SERVICES) {
            available.put(
                    "stop-" + service,
                    () -> described(new StopServiceCommand(service), "Stop the background " + service + " service."));
        }
        for (String name : CommandCatalog.ORDER) {
            CommandLine subcommand = available.get(name).get();
            subcommand.getCommandSpec().mixinStandardHelpOptions(true);
            cli.addSubcommand(name, subcommand);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e, output, commandEnvironment));
        return cli;
    }

    private static CommandLine described(Object command, String description) {
        CommandSpec spec = CommandSpec.forAnnotatedObject(command);
        spec.usageMessage().description(description);
        return new CommandLine(spec);
    }

    /**
     * One message for people, then the log's path; never a stack trace on the terminal. The trace goes to the log
     * (the log file, and stderr with {@code --verbose}) once the command's logging is set up; before that (the
     * configuration could not even be loaded) it is logged at DEBUG, because the logging of the jar at that point
     * prints errors with their trace on stderr. A failure Guice wraps ({@code ProvisionException},
     * {@code CreationException}) is reported as the Chainline failure inside it, with that failure's exit code.
     */
    private static int handle(Exception e, CliOutput output, CommandEnvironment environment) {
        ErrorKind kind = ErrorKind.of(e);
        Throwable shown = e instanceof ChainlineException
                ? e
                : ErrorKind.chainlineCause(e).map(Throwable.class::cast).orElse(e);
        String what;
        switch (kind) {
            case CONFIG -> what = "Configuration error";
            case INTERNAL -> what = "Unexpected error";
            default -> what = "Error";
        }
        output.message(what + ": "
                + (shown instanceof ConfigException config ? config.getMessage() : FailureDescription.of(shown)));
        if (environment.loggingStarted()) {
            log.error("{}: command failed", what, e);
        } else {
            log.debug("{}: command failed before its logging was set up", what, e);
        }
        environment.logFile().ifPresent(file -> output.message("Log: " + file));
        return kind == ErrorKind.CONFIG ? 2 : 1;
    }
}
