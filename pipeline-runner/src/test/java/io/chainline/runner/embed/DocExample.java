package io.chainline.runner.embed;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;

/** A java block of docs/embedding.md, compiled as written (with -Xlint:all -Werror) against the test classpath. */
final class DocExample {
    private static final Path DOC = Path.of("..", "docs", "embedding.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private DocExample() {}

    /** The class {@code className} of the doc's java block that declares it, compiled under {@code work}. */
    static Class<?> compile(String className, Path work) throws IOException {
        String source = source(className);
        Path sources = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Path file = Files.writeString(sources.resolve(className + ".java"), source);
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
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, DocExample.class.getClassLoader());
        try {
            return loader.loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("the example's class was not compiled", e);
        }
    }

    private static String source(String className) throws IOException {
        Matcher blocks = JAVA_BLOCK.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        while (blocks.find()) {
            if (blocks.group(1).contains("public final class " + className + " ")) {
                return blocks.group(1);
            }
        }
        throw new AssertionError(DOC + " has no java block declaring " + className);
    }
}
