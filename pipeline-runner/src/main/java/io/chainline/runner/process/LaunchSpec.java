package io.chainline.runner.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What {@link ServiceLauncher} starts.
 *
 * @param name             the service name, as registered
 * @param command          the program and its arguments, e.g. from {@link JavaCommand#forMainClass}
 * @param workingDirectory the child's working directory
 * @param logFile          the file the child's stdout and stderr are appended to
 * @param environment      variables added to the inherited environment
 * @param readyTimeout     how long to wait for the service to become ready
 */
public record LaunchSpec(
        String name,
        List<String> command,
        Path workingDirectory,
        Path logFile,
        Map<String, String> environment,
        Duration readyTimeout) {

    /** Validates the name, requires a non-empty command and a positive timeout, and copies the collections. */
    public LaunchSpec {
        ServiceNames.requireValid(name);
        requireNonNull(command, "command is null");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("Invalid command for service '" + name + "': must not be empty");
        }
        command = List.copyOf(command);
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(logFile, "logFile is null");
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        Durations.requirePositive(readyTimeout, "readyTimeout");
    }
}
