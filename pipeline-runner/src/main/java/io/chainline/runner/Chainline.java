package io.chainline.runner;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.google.inject.Injector;
import com.google.inject.Module;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import io.chainline.core.error.ConfigException;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.redact.Redactor;
import io.chainline.core.stage.Cancellation;
import io.chainline.core.stage.RunContext;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunState;
import io.chainline.core.stage.RunStatus;
import io.chainline.core.stage.StageChain;
import io.chainline.core.state.StateDirectory;
import io.chainline.runner.cli.ChainlineCli;
import io.chainline.runner.cli.Embedding;
import io.chainline.runner.report.ConsoleProgress;
import io.chainline.runner.report.RunReportFiles;
import io.chainline.runner.report.RunReportPublisher;

import static java.util.Objects.requireNonNull;

/**
 * Chainline inside another JVM application: runs the {@code chainline} commands and custom stage chains in-process
 * and returns their {@link RunReport}s.
 *
 * <pre>{@code
 * try (Chainline chainline = Chainline.builder().config(config).module(new AuditModule()).build()) {
 *     RunReport streamed = chainline.run("stream-data", "--generate", "1000");
 *     RunReport audited = chainline.run(StageChain.named("audit", chainline.instance(AuditStage.class)));
 * }
 * }</pre>
 *
 * <p>The configuration, modules and overriding modules given to the builder serve every run. {@link Builder#build()}
 * validates the configuration of every module, so a bad setting fails there. Each {@link #run(String, String...)}
 * builds its own injector and closes that run's resources when it ends, exactly like the command line;
 * {@link #run(StageChain)} runs stages made from {@link #injector()}, whose resources are closed by {@link #close()}.
 * Every run writes {@code <state-dir>/reports/run-<id>.json} and {@code .html}. Results (tables, {@code --json})
 * go to the {@code out} writer, messages, progress and text reports to the {@code err} writer.
 */
public final class Chainline implements AutoCloseable {
    private final Embedding embedding;
    private final Injector injector;
    private final PrintWriter out;
    private final PrintWriter err;

    private Chainline(Embedding embedding, Injector injector, PrintWriter out, PrintWriter err) {
        this.embedding = embedding;
        this.injector = injector;
        this.out = out;
        this.err = err;
    }

    /** A builder with the defaults: the reference configuration, results discarded, messages on stderr. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs one {@code chainline} command in-process, with the same options as on the command line.
     *
     * @param command the command, e.g. {@code stream-data} or {@code status}
     * @param args its options, e.g. {@code --generate 1000} or {@code --json}
     * @return the report of the run; for a command that runs no stages ({@code status}, {@code stop-all}) a report
     *         without stages whose status says whether it succeeded
     * @throws ConfigException when the command line or the configuration is invalid (exit code 2), with the message
     *         the command line prints; a configuration error a stage finds is in the returned report instead (its
     *         stage's {@code errorKind} is {@code config})
     */
    public RunReport run(String command, String... args) {
        requireNonNull(command, "command is null");
        requireNonNull(args, "args is null");
        AtomicReference<RunReport> reported = new AtomicReference<>();
        StringWriter messages = new StringWriter();
        PrintWriter teeErr = new PrintWriter(new TeeWriter(err, messages), true);
        Embedding forRun = new Embedding(embedding.config(), embedding.modules(), embedding.overrides(), reported::set);
        Clock clock = injector.getInstance(Clock.class);
        Instant started = clock.instant();
        List<String> line = new ArrayList<>();
        line.add(command);
        line.addAll(Arrays.asList(args));
        int exitCode = ChainlineCli.embedded(out, teeErr, forRun).execute(line.toArray(String[]::new));
        teeErr.flush();
        RunReport report = reported.get();
        if (exitCode == 2 && report == null) {
            throw new ConfigException("chainline " + command + " was rejected (exit code 2): "
                    + Redactor.redactText(messages.toString().strip()));
        }
        if (report != null) {
            return report;
        }
        return new RunReport(
                RunContext.newRunId(clock),
                command,
                exitCode == 0 ? RunStatus.SUCCEEDED : RunStatus.FAILED,
                started,
                Duration.between(started, clock.instant()),
                List.of());
    }

    /**
     * Runs a chain of stages, such as custom ones made from {@link #injector()}, with this instance's configuration
     * and clock; prints the text report on the {@code err} writer and writes the report files.
     *
     * @return the report; a failed stage shows in it, it is not thrown
     */
    public RunReport run(StageChain chain) {
        requireNonNull(chain, "chain is null");
        Clock clock = injector.getInstance(Clock.class);
        RunContext context = new RunContext(
                RunContext.newRunId(clock),
                injector.getInstance(Config.class),
                clock,
                new ConsoleProgress(err, false),
                new Cancellation(),
                new RunState());
        RunReport report = chain.run(context);
        new RunReportPublisher(new RunReportFiles(injector.getInstance(StateDirectory.class)), line -> {
                    err.println(Redactor.redactText(line));
                    err.flush();
                })
                .publish(report, true);
        return report;
    }

    /** The injector of every Chainline module plus the builder's modules, for stages of {@link #run(StageChain)}. */
    public Injector injector() {
        return injector;
    }

    /** An instance from {@link #injector()}, e.g. a custom stage a module binds. */
    public <T> T instance(Class<T> type) {
        return injector.getInstance(requireNonNull(type, "type is null"));
    }

    /** The resolved configuration ({@code chainline} subtree) that runs use. */
    public Config config() {
        return injector.getInstance(Config.class);
    }

    /** Closes the resources that stages made from {@link #injector()} registered with its lifecycle. */
    @Override
    public void close() {
        injector.getInstance(Lifecycle.class).close();
        err.flush();
        out.flush();
    }

    /** Builds a {@link Chainline}. */
    public static final class Builder {
        private Config config = ConfigFactory.empty();
        private final List<Module> modules = new ArrayList<>();
        private final List<Module> overrides = new ArrayList<>();
        private Writer out = Writer.nullWriter();
        private Writer err = new OutputStreamWriter(System.err, StandardCharsets.UTF_8);

        private Builder() {}

        /** The configuration (its {@code chainline} subtree is used; missing keys take their defaults). */
        public Builder config(Config value) {
            this.config = requireNonNull(value, "value is null");
            return this;
        }

        /** Modules added next to Chainline's: bindings into the multibinders, custom stages, anything injectable. */
        public Builder module(Module... values) {
            for (Module value : requireNonNull(values, "values is null")) {
                modules.add(requireNonNull(value, "module is null"));
            }
            return this;
        }

        /** Modules whose bindings replace Chainline's ({@code Modules.override(chainline).with(values)}). */
        public Builder overrideWith(Module... values) {
            for (Module value : requireNonNull(values, "values is null")) {
                overrides.add(requireNonNull(value, "module is null"));
            }
            return this;
        }

        /** Where results go (tables, {@code --json}); by default they are discarded. */
        public Builder out(Writer value) {
            this.out = requireNonNull(value, "value is null");
            return this;
        }

        /** Where messages, progress and text reports go; by default stderr. */
        public Builder err(Writer value) {
            this.err = requireNonNull(value, "value is null");
            return this;
        }

        /**
         * Loads the configuration and builds the injector.
         *
         * @throws ConfigException listing every unknown key and invalid setting of every module
         */
        public Chainline build() {
            Embedding embedding = new Embedding(config, modules, overrides, report -> {});
            Injector injector = embedding.injector(null);
            return new Chainline(embedding, injector, new PrintWriter(out, true), new PrintWriter(err, true));
        }
    }
}
