package io.chainline.runner.services;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * The folder a Spark standalone worker takes as {@code SPARK_HOME}: a {@code RELEASE} file and {@code jars/} with a
 * link to every jar of this process's class path (the runner jar, which bundles Spark), so that executors start with
 * the same classes as the driver. The worker also needs {@code SPARK_SCALA_VERSION} in its environment.
 */
public final class SparkHome {
    private static final Logger LOG = LoggerFactory.getLogger(SparkHome.class);

    private final Path root;

    /** @param root the folder to lay out, e.g. {@code <state-dir>/spark/home} */
    public SparkHome(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    /** The folder. */
    public Path root() {
        return root;
    }

    /**
     * Writes {@code RELEASE} and replaces the links in {@code jars/} with links to the jars of {@code classPath}.
     *
     * @param classPath a class path as in {@code java.class.path}
     * @return the linked jars
     * @throws ChainlineException when the class path holds no jar or the folder cannot be written
     */
    public List<Path> prepare(String classPath) {
        requireNonNull(classPath, "classPath is null");
        List<Path> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar")) {
                jars.add(path);
            } else if (!entry.isBlank()) {
                LOG.warn(
                        "The class path entry {} is not a jar; Spark executors started from {} will not see it",
                        entry,
                        root);
            }
        }
        if (jars.isEmpty()) {
            throw new ChainlineException("Cannot prepare SPARK_HOME " + root + ": the class path '" + classPath
                    + "' holds no jar; run chainline from its jar (java -jar chainline.jar)");
        }
        Path jarDir = root.resolve("jars");
        try {
            Files.createDirectories(jarDir);
            try (Stream<Path> old = Files.list(jarDir)) {
                for (Path link : old.toList()) {
                    Files.delete(link);
                }
            }
            for (Path jar : jars) {
                Files.createSymbolicLink(jarDir.resolve(jar.getFileName()), jar);
            }
            Files.writeString(
                    root.resolve("RELEASE"),
                    "Spark for Chainline: the jars of "
                            + String.join(
                                    ", ", jars.stream().map(Path::toString).toList()) + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ChainlineException("Cannot prepare SPARK_HOME " + root + ": " + e, e);
        }
        return List.copyOf(jars);
    }
}
