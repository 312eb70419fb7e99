package io.chainline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.api.LoggerComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.RootLoggerComponentBuilder;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

import io.chainline.runner.cli.CommandLogging;
import io.chainline.runner.cli.LogOptions;

/**
 * The runnable jar's logging: every log line goes to {@code <state-dir>/logs/chainline.log} (rolled at 20 MB, five
 * kept), so the terminal shows Chainline's progress and summary only. On stderr there are Chainline's own warnings
 * as single lines (libraries' never; errors reach people through the command's message and report); with
 * {@code --verbose} every log line at its level, with stack traces. Chainline logs at INFO and libraries at WARN
 * unless {@code --log-level} sets every logger.
 */
final class Log4jCommandLogging implements CommandLogging {
    static final String FILE_NAME = "chainline.log";
    private static final String CHAINLINE = "io.chainline";

    @Override
    public Optional<Path> start(Path logDirectory, LogOptions options) {
        Path file = logDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory " + logDirectory, e);
        }
        Configurator.reconfigure(configuration(file, options));
        return Optional.of(file);
    }

    /** The configuration for a log file and the command's options. */
    static Configuration configuration(Path file, LogOptions options) {
        ConfigurationBuilder<BuiltConfiguration> builder = ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.setConfigurationName("chainline-command").setStatusLevel(Level.ERROR);
        builder.add(fileAppender(builder, file));
        builder.add(terminalAppender(builder, options.verbose()));

        Level libraries =
                options.level().map(level -> Level.valueOf(level.name())).orElse(Level.WARN);
        Level chainline =
                options.level().map(level -> Level.valueOf(level.name())).orElse(Level.INFO);
        RootLoggerComponentBuilder root = builder.newRootLogger(libraries).add(builder.newAppenderRef("file"));
        LoggerComponentBuilder own = builder.newLogger(CHAINLINE, chainline).addAttribute("additivity", true);
        if (options.verbose()) {
            root.add(builder.newAppenderRef("terminal"));
        } else {
            own.add(builder.newAppenderRef("terminal"));
        }
        // Hadoop warns that it has no native library on every run; that is expected here.
        LoggerComponentBuilder hadoopNative = builder.newLogger("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR);
        builder.add(root).add(own).add(hadoopNative);
        return builder.build(false);
    }

    private static AppenderComponentBuilder fileAppender(ConfigurationBuilder<BuiltConfiguration> builder, Path file) {
        String rolled = file.resolveSibling("chainline-%i.log").toString();
        return builder.newAppender("file", "RollingFile")
                .addAttribute("fileName", file.toString())
                .addAttribute("filePattern", rolled)
                .add(builder.newLayout("PatternLayout").addAttribute("pattern", LogPatterns.DETAILED))
                .addComponent(builder.newComponent("Policies")
                        .addComponent(builder.newComponent("SizeBasedTriggeringPolicy")
                                .addAttribute("size", "20 MB")))
                .addComponent(builder.newComponent("DefaultRolloverStrategy").addAttribute("max", "5"));
    }

    private static AppenderComponentBuilder terminalAppender(
            ConfigurationBuilder<BuiltConfiguration> builder, boolean verbose) {
        AppenderComponentBuilder terminal =
                builder.newAppender("terminal", "Console").addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR);
        if (verbose) {
            return terminal.add(builder.newLayout("PatternLayout").addAttribute("pattern", LogPatterns.DETAILED));
        }
        // Errors reach people through the command's own message and report; libraries stay in the file.
        return terminal.add(builder.newLayout("PatternLayout")
                        .addAttribute("pattern", LogPatterns.TERMINAL_WARNING)
                        .addAttribute("alwaysWriteExceptions", false))
                .add(builder.newFilter("LevelRangeFilter", Filter.Result.NEUTRAL, Filter.Result.DENY)
                        .addAttribute("minLevel", Level.WARN)
                        .addAttribute("maxLevel", Level.WARN));
    }
}
