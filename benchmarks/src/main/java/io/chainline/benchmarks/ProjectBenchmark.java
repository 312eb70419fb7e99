package io.chainline.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code start-project} end to end, as a user runs it: the shaded jar in a child process on generated rows, with its
 * wall time, the peak memory of its whole process tree (the JVM plus the PostgreSQL server it starts) and every
 * stage's time from its {@code --json} report. Targets on 2 cores: 180,519 rows in at most 45 s and 3 GiB, ten times
 * that in at most 4 minutes.
 *
 * <p>Usage: {@code ProjectBenchmark [--jar PATH] [--java-opt OPT]... [--rows N[,N...]] [--dir PATH] [--keep]
 * [--seed S] [--set KEY=VALUE]...}
 */
public final class ProjectBenchmark {
    private static final String USAGE = "Usage: ProjectBenchmark [--jar PATH] [--java-opt OPT]... [--rows N[,N...]]"
            + " [--dir PATH] [--keep] [--seed S] [--set KEY=VALUE]...";
    private static final long TARGET_MIB = 3 * 1024;

    private ProjectBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("pipeline-runner/target/chainline.jar");
        List<String> javaOptions = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(next(args, ++i));
                case "--java-opt" -> javaOptions.add(next(args, ++i));
                default -> rest.add(args[i]);
            }
        }
        ParsedArguments options = ParsedArguments.parse(USAGE, rest.toArray(String[]::new));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No runner jar at " + jar.toAbsolutePath()
                    + ": build it with `mvn -B -q -DskipTests package` or pass --jar PATH");
        }
        Path work = options.dir().orElse(Files.createTempDirectory("chainline-project-bench"));
        List<String> lines = new ArrayList<>();
        lines.add("| rows | wall s | target s | wall/target | peak PSS MiB | peak RSS MiB | PSS/3 GiB | processes"
                + " | stage seconds | status |");
        lines.add("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        for (long rows : options.rows()) {
            lines.add(measure(jar, javaOptions, options, rows, work.resolve("rows-" + rows)));
        }
        lines.forEach(System.out::println);
        if (!options.keep()) {
            WorkFiles.deleteTree(work);
        }
    }

    private static String measure(Path jar, List<String> javaOptions, ParsedArguments options, long rows, Path dir)
            throws Exception {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--json"));
        for (String setting : options.settings()) {
            command.addAll(List.of("--set", setting));
        }
        command.addAll(List.of(
                "--set",
                "chainline.export.duckdb-path=" + dir.resolve("warehouse.duckdb"),
                "start-project",
                "--fresh",
                "--rows",
                Long.toString(rows),
                "--seed",
                Long.toString(options.seed())));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("CHAINLINE_STATE_DIR", dir.resolve("state").toString());
        builder.environment()
                .put("CHAINLINE_STORE_ROOT", dir.resolve("data").toUri().toString());
        System.err.printf(Locale.ROOT, "start-project on %,d rows in %s%n", rows, dir);
        long start = System.nanoTime();
        Process process = builder.start();
        ProcessTreeMemory memory = ProcessTreeMemory.watch(process.toHandle());
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        memory.close();
        JsonNode report = new ObjectMapper().readTree(out.get());
        double target = rows <= 200_000 ? 45 : 240;
        return String.format(
                Locale.ROOT,
                "| %,d | %.1f | %.0f | %.2f | %,d | %,d | %.2f | %d | %s | %s |",
                rows,
                wall,
                target,
                wall / target,
                memory.peakPssMib(),
                memory.peakRssMib(),
                memory.peakPssMib() / (double) TARGET_MIB,
                memory.peakProcesses(),
                stageSeconds(report),
                exit == 0
                        ? report.path("status").asText()
                        : "exit " + exit + ": " + report.path("status").asText());
    }

    private static String stageSeconds(JsonNode report) {
        Map<String, String> seconds = new LinkedHashMap<>();
        for (JsonNode stage : report.path("stages")) {
            JsonNode duration = stage.path("duration");
            double value =
                    duration.isTextual() ? Duration.parse(duration.asText()).toMillis() / 1000.0 : duration.asDouble();
            seconds.put(stage.path("stage").asText(), String.format(Locale.ROOT, "%.1f", value));
        }
        return seconds.toString().replace("{", "").replace("}", "");
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String next(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException("Option " + args[index - 1] + " needs a value. " + USAGE);
        }
        return args[index];
    }
}
