package io.chainline.ingest.produce;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.chainline.core.service.JavaCommand;

/** Runs {@link IngestProcessMain} in a JVM of its own and SIGKILLs it when a line of its output says so. */
final class ChildIngest {

    private ChildIngest() {
    }

    /**
     * Runs the child until it ends or prints a line {@code killWhen} accepts, then kills it with SIGKILL.
     *
     * @return everything the child printed on stdout
     */
    static String run(String bootstrap, Path stateDir, String prefix, long pauseAt, List<String> source,
            Predicate<String> killWhen) throws Exception {
        List<String> args = new ArrayList<>(List.of(bootstrap, stateDir.toString(), prefix, Long.toString(pauseAt)));
        args.addAll(source);
        Process child = new ProcessBuilder(JavaCommand.forMainClass(IngestProcessMain.class.getName(), args))
                .redirectError(stateDir.resolveSibling(prefix + "-child-" + System.nanoTime() + ".log").toFile())
                .start();
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (killWhen.test(line)) {
                    child.destroyForcibly();
                    break;
                }
            }
        }
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child ingest did not end within 120 s; output so far:\n" + seen);
        }
        return seen.toString();
    }

    /** Kills the child when it waits inside an open transaction. */
    static Predicate<String> whenPaused() {
        return line -> line.startsWith("PAUSED");
    }

    /** Kills the child at whatever point it has reached when it first reports progress. */
    static Predicate<String> whenRunning() {
        return line -> line.startsWith("PROGRESS") && !line.equals("PROGRESS 0");
    }

    /** Lets the child run to its end. */
    static Predicate<String> never() {
        return line -> false;
    }
}
