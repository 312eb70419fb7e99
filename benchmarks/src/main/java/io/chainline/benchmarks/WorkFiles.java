package io.chainline.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The benchmarks' work directories: created fresh, deleted with everything in them. */
final class WorkFiles {
    private static final Logger log = LoggerFactory.getLogger(WorkFiles.class);

    private WorkFiles() {}

    /** A fresh directory named {@code prefix...} under {@code parent}, or under the system's temporary directory. */
    static Path createDirectory(Optional<Path> parent, String prefix) {
        try {
            if (parent.isPresent()) {
                Files.createDirectories(parent.get());
                return Files.createTempDirectory(parent.get(), prefix);
            }
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the benchmark work directory: " + e.getMessage(), e);
        }
    }

    /** Deletes {@code root} and everything under it, if it exists; logs what cannot be deleted. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", root, e.toString());
        }
    }
}
