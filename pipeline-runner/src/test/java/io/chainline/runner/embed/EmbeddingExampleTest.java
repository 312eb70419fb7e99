package io.chainline.runner.embed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunStatus;
import io.chainline.core.stage.StageReport;

import static org.assertj.core.api.Assertions.assertThat;

/** The example of docs/embedding.md, compiled and run as written. */
class EmbeddingExampleTest {
    private static final Path DOC = Path.of("..", "docs", "embedding.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path work;

    private static String exampleSource() throws IOException {
        Matcher blocks = JAVA_BLOCK.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        while (blocks.find()) {
            if (blocks.group(1).contains("public final class EmbeddingExample")) {
                return blocks.group(1);
            }
        }
        throw new AssertionError(DOC + " has no java block declaring EmbeddingExample");
    }

    private Class<?> compile(String source) throws IOException {
        Path sources = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path file = Files.writeString(sources.resolve("EmbeddingExample.java"), source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = compiler.getTask(
                        diagnostics,
                        null,
                        null,
                        List.of(
                                "-classpath",
                                System.getProperty("java.class.path"),
                                "-d",
                                classes.toString(),
                                "-proc:none",
                                "-Xlint:all",
                                "-Werror"),
                        null,
                        compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)
                                .getJavaFileObjects(file))
                .call();
        assertThat(compiled).as("the example compiles:%n%s", diagnostics).isTrue();
        URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, EmbeddingExampleTest.class.getClassLoader());
        try {
            return loader.loadClass("EmbeddingExample");
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the example's class was not compiled", e);
        }
    }

    @Test
    void theDocumentedExampleCompilesRunsTheCustomStageAndUsesTheOverriddenClock() throws Exception {
        Class<?> example = compile(exampleSource());
        Method run = example.getMethod("runExample", Path.class, Writer.class);
        Path stateDir = work.resolve("state");
        StringWriter out = new StringWriter();

        RunReport report = (RunReport) run.invoke(null, stateDir, out);

        assertThat(report.status()).isEqualTo(RunStatus.SUCCEEDED);
        StageReport audit = report.stage("order-audit").orElseThrow();
        assertThat(audit.rowsIn()).isEqualTo(1_000);
        assertThat(audit.rowsOut()).isBetween(200L, 999L);
        assertThat(audit.counters()).containsEntry("orders", audit.rowsOut());
        assertThat(audit.checks()).extracting(CheckResult::status).containsExactly(CheckResult.Status.PASSED);
        // The fixed clock replaced Chainline's: the stage, the run id and the report all read it.
        assertThat(audit.outputs()).containsExactly("audited-at 2030-01-01T00:00:00Z");
        assertThat(report.startedAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(report.runId()).startsWith("20300101-000000-");
        JsonNode services = new ObjectMapper().readTree(out.toString()).path("services");
        assertThat(services.isArray()).as("status --json printed %s", out).isTrue();
        assertThat(services).isEmpty();
        assertThat(stateDir.resolve("reports/run-" + report.runId() + ".html"))
                .content()
                .contains("order-audit", "1,000");
        assertThat(stateDir.resolve("reports/run-" + report.runId() + ".json")).exists();
    }
}
