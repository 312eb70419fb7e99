package io.chainline.cli.jar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded runner jar as users run it: {@code java -jar chainline-cli/target/chainline.jar}. */
class RunnerJarIT {
    private static final Path JAR = JarProcess.JAR;
    private static final List<String> DESIGN_COMMANDS = List.of(
            "start-kafka",
            "start-postgres",
            "start-spark",
            "start-mage",
            "stream-data",
            "consume",
            "olap-transformation-pipeline",
            "gcs-to-bigquery-pipeline",
            "start-batch-pipeline",
            "start-streaming-pipeline",
            "start-project",
            "status",
            "stop-all");

    @TempDir
    Path home;

    private JarProcess.Result run(String... args) throws IOException, InterruptedException {
        return new JarProcess(home).run(args);
    }

    @Test
    void helpListsEverySubCommand() throws Exception {
        JarProcess.Result result = run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains(DESIGN_COMMANDS);
    }

    @Test
    void theManifestOpensWhatSparkNeedsAndNamesTheMainClass() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo("io.chainline.cli.ChainlineMain");
            assertThat(manifest.getMainAttributes().getValue("Add-Opens"))
                    .contains(
                            "java.base/sun.nio.ch",
                            "java.base/java.nio",
                            "java.base/java.lang.invoke",
                            "java.base/java.util");
        }
    }

    @Test
    void everyModulesReferenceConfIsMergedIntoTheJar() throws Exception {
        JarProcess.Result result = run(
                "status",
                "--set",
                "chainline.ingest.topic=t1",
                "--set",
                "chainline.sinks.group-id=g1",
                "--set",
                "chainline.silver.retention.keep-builds=2",
                "--set",
                "chainline.export.mode=local",
                "--set",
                "chainline.state-dir=" + home.resolve("state"));

        assertThat(result.err()).doesNotContain("Unknown key");
        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("No services are running.");
    }

    @Test
    void theStateDirectoryDefaultsToTheUsersHome() throws Exception {
        JarProcess.Result result = run("status", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("\"services\" : [ ]", "\"dir\" : \"" + home.resolve(".chainline") + "\"");
        assertThat(home.resolve(".chainline/services")).isDirectory();
    }

    @Test
    void generateCompletionPrintsABashAndZshCompletionScriptForEveryCommand() throws Exception {
        JarProcess.Result result = run("generate-completion");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("complete -F", "_complete_chainline").contains(DESIGN_COMMANDS);
    }

    @Test
    void theLauncherScriptPassesJavaOptsToTheJvm() throws Exception {
        Path script = Path.of("..", "chainline").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "status", "--json")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JAVA_OPTS", "-Duser.home=" + home + " -Xmx256m");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isZero();
        assertThat(out).contains("\"services\" : [ ]", "\"dir\" : \"" + home.resolve(".chainline") + "\"");
        assertThat(home.resolve(".chainline/services")).isDirectory();
    }
}
