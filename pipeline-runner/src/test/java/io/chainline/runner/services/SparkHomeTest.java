package io.chainline.runner.services;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkHomeTest {

    @TempDir
    Path dir;

    @Test
    void linksEveryJarOfTheClassPathAndWritesRelease() throws Exception {
        Path jar = Files.writeString(dir.resolve("chainline.jar"), "jar");
        Path other = Files.writeString(dir.resolve("other.jar"), "jar");
        SparkHome home = new SparkHome(dir.resolve("home"));
        Files.createDirectories(home.root().resolve("jars"));
        Files.writeString(home.root().resolve("jars/old.jar"), "stale");

        assertThat(home.prepare(jar + File.pathSeparator + File.pathSeparator + other))
                .containsExactly(jar, other);

        assertThat(home.root().resolve("RELEASE")).content().contains(jar.toString());
        try (var links = Files.list(home.root().resolve("jars"))) {
            assertThat(links.toList())
                    .containsExactlyInAnyOrder(
                            home.root().resolve("jars/chainline.jar"),
                            home.root().resolve("jars/other.jar"));
        }
        assertThat(Files.readSymbolicLink(home.root().resolve("jars/chainline.jar")))
                .isEqualTo(jar);
    }

    @Test
    void aClassPathWithoutJarsIsRefusedWithAReason() {
        // An empty class path: a folder entry would be refused the same way, after a warning.
        assertThatThrownBy(() -> new SparkHome(dir.resolve("home")).prepare(""))
                .isInstanceOf(ChainlineException.class)
                .hasMessageContaining("Cannot prepare SPARK_HOME " + dir.resolve("home"))
                .hasMessageContaining("holds no jar; run chainline from its jar (java -jar chainline.jar)");
    }

    @Test
    void daemonClassPathsAreMadeAbsolute() {
        String absolute = LocalSparkCluster.absolute("target/chainline.jar" + File.pathSeparator + "/opt/x.jar");

        assertThat(absolute)
                .isEqualTo(Path.of("target/chainline.jar").toAbsolutePath() + File.pathSeparator + "/opt/x.jar");
    }

    @Test
    void clusterOptionsAreChecked() {
        assertThatThrownBy(() -> new LocalSparkCluster.Options(0, 0, 0, "2g", java.time.Duration.ofSeconds(1)))
                .hasMessage("Invalid value 0 for '--cores': must be >= 1");
        assertThatThrownBy(() -> new LocalSparkCluster.Options(0, 0, 1, "2 GB", java.time.Duration.ofSeconds(1)))
                .hasMessage("Invalid value '2 GB' for '--memory': must be like 512m or 2g");
    }
}
