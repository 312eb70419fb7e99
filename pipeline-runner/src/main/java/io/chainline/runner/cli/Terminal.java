package io.chainline.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether stderr, where progress is drawn, is a terminal. {@link System#console()} cannot tell: it is null as soon
 * as stdin or stdout is redirected ({@code chainline sql … > out.csv}), even when stderr still shows on a
 * terminal. On Linux the answer is where file descriptor 2 points; elsewhere the console is the best guess.
 */
final class Terminal {

    private Terminal() {}

    /** Whether progress may be drawn in place on stderr. */
    static boolean stderrIsTerminal(Map<String, String> environment) {
        if ("dumb".equals(environment.get("TERM"))) {
            return false;
        }
        return descriptorTarget(Path.of("/proc/self/fd/2"))
                .map(Terminal::isTerminalDevice)
                .orElseGet(() -> System.console() != null);
    }

    /** Whether a file descriptor's target is a terminal device ({@code /dev/pts/3}, {@code /dev/tty1}). */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    private static Optional<String> descriptorTarget(Path descriptor) {
        try {
            return Optional.of(Files.readSymbolicLink(descriptor).toString());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
