package com.example.audit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every library on this project's test class path has the version the Chainline build resolved for the same
 * artifacts. Version pins that live only in Chainline's own build (and not in the BOM this project imports) would
 * show up here as differences.
 */
class ResolvedVersionsTest {

    @Test
    void everyLibraryHasTheVersionChainlineWasBuiltWith() throws IOException {
        Map<String, String> proven = provenVersions(Path.of(System.getProperty("chainline.reactor-classpath")));
        Map<String, String> ours = classPathVersions(Path.of(System.getProperty("local.repository")));

        List<String> differences = new ArrayList<>();
        ours.forEach((artifact, version) -> {
            String expected = proven.get(artifact);
            if (expected != null && !expected.equals(version)) {
                differences.add(artifact + ": " + version + " here, " + expected + " in Chainline's build");
            }
        });
        assertThat(proven).containsKeys("com.fasterxml.jackson.core:jackson-databind", "org.apache.spark:spark-core_2.12");
        assertThat(ours.keySet()).as("libraries found on the class path").hasSizeGreaterThan(100);
        assertThat(differences).isEmpty();
    }

    /** {@code group:artifact} to version, from {@code mvn dependency:list} output. */
    private static Map<String, String> provenVersions(Path list) throws IOException {
        Map<String, String> versions = new TreeMap<>();
        for (String line : Files.readAllLines(list)) {
            String coordinates = line.strip().split(" ")[0];
            String[] parts = coordinates.split(":");
            if (parts.length == 5) {
                versions.put(parts[0] + ":" + parts[1], parts[3]);
            } else if (parts.length == 6) {
                versions.put(parts[0] + ":" + parts[1], parts[4]);
            }
        }
        return versions;
    }

    /** {@code group:artifact} to version, from the jars on the class path that come from the local repository. */
    private static Map<String, String> classPathVersions(Path repository) {
        Map<String, String> versions = new TreeMap<>();
        Path root = repository.toAbsolutePath().normalize();
        // Surefire runs tests from a manifest-only jar and names the real class path in this property.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            if (!jar.startsWith(root) || !jar.toString().endsWith(".jar")) {
                continue;
            }
            Path relative = root.relativize(jar);
            int n = relative.getNameCount();
            String version = relative.getName(n - 2).toString();
            String artifact = relative.getName(n - 3).toString();
            String group = relative.subpath(0, n - 3).toString().replace(File.separatorChar, '.');
            versions.put(group + ":" + artifact, version);
        }
        return versions;
    }
}
