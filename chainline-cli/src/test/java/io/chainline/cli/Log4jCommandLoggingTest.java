package io.chainline.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.runner.cli.LogLevel;
import io.chainline.runner.cli.LogOptions;

import static org.assertj.core.api.Assertions.assertThat;

/** Library lines go to the file only; Chainline's warnings also reach the terminal, as one line each. */
class Log4jCommandLoggingTest {

    @TempDir
    Path logs;

    @Test
    void librariesGoToTheFileAndChainlineWarningsAlsoToTheTerminal() throws Exception {
        String terminal = logThrough(LogOptions.quiet());

        String file = Files.readString(logs.resolve(Log4jCommandLogging.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(file)
                .contains("WARN", "o.a.s.u.Utils: Your hostname resolves to a loopback address")
                .contains("INFO", "stage olap-transform succeeded")
                .contains("no kafka service is running")
                .contains("java.lang.IllegalStateException: broken", "password=***")
                .doesNotContain("s3cret");
        assertThat(terminal)
                .isEqualTo("warning: no kafka service is running; password=***" + System.lineSeparator())
                .doesNotContain("Utils", "IllegalStateException", "stage olap-transform succeeded");
    }

    @Test
    void verboseShowsEveryLineWithItsStackTrace() throws Exception {
        String terminal = logThrough(new LogOptions(true, Optional.empty()));

        assertThat(terminal)
                .contains("WARN", "o.a.s.u.Utils: Your hostname resolves to a loopback address")
                .contains("INFO", "stage olap-transform succeeded")
                .contains("java.lang.IllegalStateException: broken")
                .doesNotContain("s3cret");
    }

    @Test
    void theLogLevelSetsEveryLogger() {
        try (LoggerContext debug = new LoggerContext("debug");
                LoggerContext defaults = new LoggerContext("defaults")) {
            debug.start(Log4jCommandLogging.configuration(
                    logs.resolve("x.log"), new LogOptions(false, Optional.of(LogLevel.DEBUG))));
            defaults.start(Log4jCommandLogging.configuration(logs.resolve("y.log"), LogOptions.quiet()));

            assertThat(debug.getRootLogger().getLevel()).isEqualTo(Level.DEBUG);
            assertThat(debug.getLogger("io.chainline.runner.Chainline").getLevel())
                    .isEqualTo(Level.DEBUG);
            assertThat(defaults.getRootLogger().getLevel()).isEqualTo(Level.WARN);
            assertThat(defaults.getLogger("io.chainline.runner.Chainline").getLevel())
                    .isEqualTo(Level.INFO);
        }
    }

    /** Logs a few typical lines through a context of its own; returns what the terminal appender printed. */
    private String logThrough(LogOptions options) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // The console appender takes System.err when it starts, so swap it in first.
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (LoggerContext context = new LoggerContext("log4j-command-logging-test")) {
            context.start(Log4jCommandLogging.configuration(logs.resolve(Log4jCommandLogging.FILE_NAME), options));
            Logger spark = context.getLogger("org.apache.spark.util.Utils");
            Logger stage = context.getLogger("io.chainline.core.stage.StageChain");
            Logger services = context.getLogger("io.chainline.runner.services.LocalServices");
            spark.warn("Your hostname resolves to a loopback address");
            spark.info("Running Spark version 3.5.9");
            stage.info("stage olap-transform succeeded");
            services.warn("no kafka service is running; password=s3cret");
            stage.error("stage failed", new IllegalStateException("broken"));
        } finally {
            System.setErr(stderr);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
