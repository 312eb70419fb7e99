package io.chainline.runner.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a command's log lines go. The runnable jar sends them to a file under the state directory and keeps the
 * terminal for Chainline's progress and summary; a project that embeds Chainline keeps its own logging
 * ({@link #HOST}).
 */
@FunctionalInterface
public interface CommandLogging {

    /** Leaves the logging of the host application as it is. */
    CommandLogging HOST = (logDirectory, options) -> Optional.empty();

    /**
     * Routes the log lines of this command. Called once per command, as soon as the configuration (and so the state
     * directory) is known.
     *
     * @param logDirectory {@code <state-dir>/logs}
     * @param options {@code --verbose} and {@code --log-level}
     * @return the file the log lines go to, named at the end of the command's output; empty when there is none
     */
    Optional<Path> start(Path logDirectory, LogOptions options);
}
