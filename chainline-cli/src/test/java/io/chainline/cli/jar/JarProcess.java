package io.chainline.cli.jar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar target/chainline.jar} with a home directory of its own and captures what it prints. */
final class JarProcess {
    static final Path JAR = Path.of("target", "chainline.jar");

    private final Path home;
    private int runs;

    JarProcess(Path home) {
        this.home = home;
    }

    record Result(int exitCode, String out, String err) {}

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home,
                "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        int run = ++runs;
        Path out = home.resolve("out-" + run + ".txt");
        Path err = home.resolve("err-" + run + ".txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CHAINLINE_"));
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chainline " + List.of(args) + " did not finish within 300 s");
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
