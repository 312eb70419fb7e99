package io.chainline.ingest.produce;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectWriter;

import io.chainline.core.error.RetriableException;
import io.chainline.core.json.Json;

import static java.util.Objects.requireNonNull;

/**
 * The rejects file of one run, {@code <state-dir>/rejects/<runId>.jsonl}: one {@link DeadLetter} per line, appended
 * after the Kafka transaction that sent them to the dead-letter topic committed. The topic is the truth; the file
 * is for people (a crash between the commit and the append can leave out that transaction's lines).
 */
final class RejectsFile {
    private final Path file;
    private final ObjectWriter writer = Json.dataMapper().writerFor(DeadLetter.class);
    private long lines;

    RejectsFile(Path file) {
        this.file = requireNonNull(file, "file is null");
    }

    /** Where the file is (it exists only once a row was rejected). */
    Path path() {
        return file;
    }

    /** How many rejected rows were written in this run. */
    long lines() {
        return lines;
    }

    void append(List<DeadLetter> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                for (DeadLetter letter : rejected) {
                    out.write(writer.writeValueAsString(letter));
                    out.newLine();
                }
            }
            lines += rejected.size();
        } catch (IOException e) {
            throw new RetriableException("Cannot append to the rejects file " + file + ": " + e.getMessage(), e);
        }
    }
}
