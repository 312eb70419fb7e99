package io.chainline.runner.cli;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How a command asked to log.
 *
 * @param verbose {@code --verbose}: log lines (and stack traces) on stderr too, not only in the log file
 * @param level {@code --log-level}, when given
 */
public record LogOptions(boolean verbose, Optional<LogLevel> level) {

    public LogOptions {
        requireNonNull(level, "level is null");
    }

    /** No flags: library lines to the log file only. */
    public static LogOptions quiet() {
        return new LogOptions(false, Optional.empty());
    }
}
