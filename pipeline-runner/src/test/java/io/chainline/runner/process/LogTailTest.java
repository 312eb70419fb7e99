package io.chainline.runner.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTest {
    @TempDir
    Path tmp;

    @Test
    void returnsTheLastLines() throws IOException {
        Path log = tmp.resolve("svc.log");
        Files.writeString(
                log,
                IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining()));

        assertThat(LogTail.lastLines(log, 3)).isEqualTo("line 28\nline 29\nline 30");
        assertThat(LogTail.lastLines(log, 20).lines()).hasSize(20).startsWith("line 11");
    }

    @Test
    void returnsEverythingOfAShortFile() throws IOException {
        Path log = tmp.resolve("svc.log");
        Files.writeString(log, "only\r\nlines");

        assertThat(LogTail.lastLines(log, 20)).isEqualTo("only\nlines");
    }

    @Test
    void saysSoWhenTheFileCannotBeRead() {
        Path missing = tmp.resolve("missing.log");

        assertThat(LogTail.lastLines(missing, 20)).startsWith("(cannot read " + missing + ": ");
    }
}
