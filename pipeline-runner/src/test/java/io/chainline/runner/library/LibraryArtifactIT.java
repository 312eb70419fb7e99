package io.chainline.runner.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library artifact as a host application receives it: its jar carries no logging configuration or backend
 * registration, its runtime dependencies hold no logging backend and no test framework, and its pom keeps Spark
 * {@code provided} (or {@code test}) and the embedded services optional.
 */
class LibraryArtifactIT {
    private static final Set<String> BACKENDS_AND_TEST_LIBRARIES = Set.of(
            "log4j-core",
            "log4j-slf4j-impl",
            "log4j-slf4j2-impl",
            "logback-classic",
            "logback-core",
            "slf4j-simple",
            "slf4j-reload4j",
            "slf4j-log4j12",
            "reload4j",
            "junit",
            "junit-jupiter-api",
            "junit-jupiter-engine",
            "assertj-core",
            "pipeline-testkit");

    @Test
    void theJarHoldsNoLoggingConfigurationOrBackend() throws IOException {
        try (JarFile jar = new JarFile(libraryJar().toFile())) {
            List<String> entries = jar.stream().map(JarEntry::getName).toList();

            assertThat(entries).contains("io/chainline/runner/Chainline.class");
            assertThat(entries)
                    .noneMatch(name -> name.matches(
                            "(log4j2?(-test)?|logback(-test)?|simplelogger)\\.(properties|xml" + "|yaml|json)"))
                    .noneMatch(name -> name.startsWith("META-INF/services/org.slf4j"))
                    .noneMatch(name -> name.startsWith("org/apache/logging/") || name.startsWith("org/junit/"));
        }
    }

    @Test
    void itsRuntimeDependenciesHoldNoLoggingBackendAndNoTestLibrary() throws IOException {
        List<String> artifacts = Files.readAllLines(Path.of("target", "runtime-dependencies.txt")).stream()
                .map(String::strip)
                .filter(line -> line.split(":").length >= 5)
                .map(line -> line.split(":")[1])
                .toList();

        assertThat(artifacts).contains("pipeline-core", "olap-transform", "slf4j-api");
        assertThat(artifacts).doesNotContainAnyElementsOf(BACKENDS_AND_TEST_LIBRARIES);
    }

    @Test
    void itsPomKeepsSparkProvidedAndTheEmbeddedServicesOptional() throws Exception {
        Element project;
        try (InputStream pom = Files.newInputStream(Path.of("pom.xml"))) {
            project = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(pom)
                    .getDocumentElement();
        }
        NodeList dependencies = project.getElementsByTagName("dependency");
        int checked = 0;
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String artifact = text(dependency, "artifactId");
            String scope = text(dependency, "scope");
            if (artifact.startsWith("spark-")) {
                assertThat(scope)
                        .as(
                                "%s reaches a host application only as its own Spark: provided, or test for tests",
                                artifact)
                        .isIn("provided", "test");
                checked++;
            } else if (artifact.equals("pipeline-embedded")) {
                assertThat(text(dependency, "optional")).as(artifact).isEqualTo("true");
                checked++;
            } else if (BACKENDS_AND_TEST_LIBRARIES.contains(artifact)) {
                assertThat(scope).as(artifact).isEqualTo("test");
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    private static Path libraryJar() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(path -> path.getFileName().toString().matches("pipeline-runner-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no pipeline-runner jar in target/: run mvn package"));
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip();
    }
}
