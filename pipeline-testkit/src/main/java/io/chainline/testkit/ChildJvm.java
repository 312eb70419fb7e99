package io.chainline.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * A main class run in a JVM of its own, like the test's (same java, module opens and class path), for tests that
 * kill a process at a chosen point with SIGKILL and check what survived.
 *
 * <pre>{@code
 * String printed = ChildJvm.of(IngestMain.class, args).errorLog(log).runUntil(line -> line.startsWith("PAUSED"));
 * }</pre>
 */
public final class ChildJvm {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final List<String> command;
    private final Path errorLog;
    private final Duration timeout;

    private ChildJvm(List<String> command, Path errorLog, Duration timeout) {
        this.command = List.copyOf(command);
        this.errorLog = errorLog;
        this.timeout = timeout;
    }

    /** A child JVM that runs {@code mainClass} with {@code args}; its stderr is discarded unless a log is given. */
    public static ChildJvm of(Class<?> mainClass, List<String> args) {
        requireNonNull(mainClass, "mainClass is null");
        requireNonNull(args, "args is null");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current()
                .info()
                .command()
                .orElseGet(() ->
                        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(moduleOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return new ChildJvm(command, null, DEFAULT_TIMEOUT);
    }

    /** The same child with its stderr written to {@code file}. */
    public ChildJvm errorLog(Path file) {
        return new ChildJvm(command, requireNonNull(file, "file is null"), timeout);
    }

    /** The same child, allowed to run for at most {@code value} (default 120 s). */
    public ChildJvm timeout(Duration value) {
        return new ChildJvm(command, errorLog, requireNonNull(value, "value is null"));
    }

    /** The command line, e.g. for a {@link ProcessBuilder} of a test's own. */
    public List<String> command() {
        return command;
    }

    /**
     * Runs the child until it ends or prints a line on stdout that {@code killWhen} accepts, then kills it with
     * SIGKILL.
     *
     * @return everything the child printed on stdout
     * @throws AssertionError when the child is still running after the timeout
     */
    public String runUntil(Predicate<String> killWhen) throws IOException, InterruptedException {
        requireNonNull(killWhen, "killWhen is null");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(
                errorLog == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(errorLog.toFile()));
        Process child = builder.start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (killWhen.test(line)) {
                    child.destroyForcibly();
                    break;
                }
            }
        }
        if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child " + command.get(command.size() - 1) + " did not end within "
                    + timeout.toSeconds() + " s; its output so far:\n" + seen);
        }
        return seen.toString();
    }

    /** Runs the child to its end; see {@link #runUntil(Predicate)}. */
    public String run() throws IOException, InterruptedException {
        return runUntil(line -> false);
    }

    /** The {@code --add-opens} and {@code --add-exports} options among JVM input arguments, in either form. */
    static List<String> moduleOptions(List<String> inputArguments) {
        List<String> options = new ArrayList<>();
        for (int i = 0; i < inputArguments.size(); i++) {
            String argument = inputArguments.get(i);
            if (argument.startsWith("--add-opens=") || argument.startsWith("--add-exports=")) {
                options.add(argument);
            } else if ((argument.equals("--add-opens") || argument.equals("--add-exports"))
                    && i + 1 < inputArguments.size()) {
                options.add(argument);
                options.add(inputArguments.get(++i));
            }
        }
        return options;
    }
}
