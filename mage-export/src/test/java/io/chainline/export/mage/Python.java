package io.chainline.export.mage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Runs {@code python3} for tests of the generated blocks; a test is skipped, with a message, where it is absent. */
public final class Python {

    /** What a run printed and returned. */
    public record Result(int exitCode, String out, String err) {
        /** The last line of stdout (blocks may print before the harness prints its JSON). */
        public String lastLine() {
            List<String> lines = out.lines().toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private Python() {}

    /** Skips the calling test with a message when python3 cannot be run here. */
    public static void assumeAvailable() {
        boolean available;
        try {
            available = run(List.of("--version")).exitCode() == 0;
        } catch (RuntimeException e) {
            available = false;
        }
        Assumptions.assumeTrue(
                available,
                "python3 is absent on this machine: the generated Python blocks are not"
                        + " compiled or run by this test");
    }

    /** Runs {@code python3 args…} and waits for it (at most 60 s). */
    public static Result run(List<String> args) {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("python3 " + args + " did not finish within 60 s");
            }
            return new Result(
                    process.exitValue(),
                    new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run python3: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running python3", e);
        }
    }
}
