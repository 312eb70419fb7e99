package io.chainline.ingest.produce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.chainline.testkit.ChildJvm;

/** Runs {@link IngestProcessMain} in a JVM of its own and SIGKILLs it when a line of its output says so. */
final class ChildIngest {

    private ChildIngest() {}

    /**
     * Runs the child until it ends or prints a line {@code killWhen} accepts, then kills it with SIGKILL.
     *
     * @return everything the child printed on stdout
     */
    static String run(
            String bootstrap,
            Path stateDir,
            String prefix,
            long pauseAt,
            List<String> source,
            Predicate<String> killWhen)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(bootstrap, stateDir.toString(), prefix, Long.toString(pauseAt)));
        args.addAll(source);
        return ChildJvm.of(IngestProcessMain.class, args)
                .errorLog(stateDir.resolveSibling(prefix + "-child-" + System.nanoTime() + ".log"))
                .runUntil(killWhen);
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
