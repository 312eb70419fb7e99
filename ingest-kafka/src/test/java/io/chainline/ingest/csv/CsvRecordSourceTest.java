package io.chainline.ingest.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ConfigException;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.source.SourceInput;

import static io.chainline.ingest.csv.CsvSample.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRecordSourceTest {
    private final CsvRecordSource source = new CsvRecordSource(new CsvSettings(128 * 1024));

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.createDirectories(dir.resolve("data/2024/q1"));
        for (String name : List.of(
                "data/b.csv",
                "data/a.csv",
                "data/c.CSV",
                "data/notes.txt",
                "data/2024/x.csv",
                "data/2024/q1/y.csv",
                "single.csv")) {
            write(dir.resolve(name), CsvSample.headerLine() + "\n" + name + "\n");
        }
        Files.createDirectories(dir.resolve("data/folder.csv"));
    }

    @Test
    void readsANamedFile() {
        assertThat(paths(IngestRequest.csv(path("single.csv")))).containsExactly(path("single.csv"));
    }

    @Test
    void readsTheCsvFilesOfADirectoryByName() {
        assertThat(paths(IngestRequest.csv(path("data"))))
                .containsExactly(path("data/a.csv"), path("data/b.csv"), path("data/c.CSV"));
    }

    @Test
    void readsTheFilesAGlobMatches() {
        assertThat(paths(IngestRequest.csv(path("data") + "/*.csv")))
                .containsExactly(path("data/a.csv"), path("data/b.csv"));
        assertThat(paths(IngestRequest.csv(path("data") + "/**/*.csv")))
                .containsExactly(
                        path("data/2024/q1/y.csv"), path("data/2024/x.csv"), path("data/a.csv"), path("data/b.csv"));
        assertThat(paths(IngestRequest.csv(path("data") + "/*/*.csv"))).containsExactly(path("data/2024/x.csv"));
        assertThat(paths(IngestRequest.csv(path("data") + "/[ab].csv")))
                .containsExactly(path("data/a.csv"), path("data/b.csv"));
    }

    @Test
    void keepsTheOrderOfTheRequestAndReadsAFileOnce() {
        IngestRequest request = IngestRequest.csv(
                path("single.csv"),
                path("data/b.csv"),
                path("data"),
                dir.resolve("data/../single.csv").toString());

        assertThat(paths(request))
                .containsExactly(path("single.csv"), path("data/b.csv"), path("data/a.csv"), path("data/c.CSV"));
    }

    @Test
    void passesTheRequestedCharsetOn() {
        IngestRequest request = new IngestRequest(
                List.of(path("single.csv")),
                Optional.of(StandardCharsets.UTF_16),
                0,
                IngestRequest.DEFAULT_SEED,
                false);

        assertThat(((CsvFileInput) source.inputs(request).get(0)).charset()).isEqualTo(StandardCharsets.UTF_16);
    }

    @Test
    void aRequestWithoutFilesHasNoInputs() {
        assertThat(source.inputs(IngestRequest.generate(10, 1))).isEmpty();
    }

    @Test
    void reportsEveryInputThatNamesNoFile() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        IngestRequest request = IngestRequest.csv(
                path("missing.csv"),
                path("data") + "/*.json",
                path("empty"),
                path("nowhere") + "/*.csv",
                path("single.csv"));

        assertThatThrownBy(() -> source.inputs(request))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "CSV input '" + path("missing.csv") + "' does not exist",
                                        "CSV input glob '" + path("data") + "/*.json' matches no file",
                                        "CSV input directory '" + path("empty") + "' holds no *.csv file",
                                        "CSV input glob '" + path("nowhere") + "/*.csv' matches no file"));
    }

    @Test
    void aSingleProblemIsTheMessage() {
        assertThatThrownBy(() -> source.inputs(IngestRequest.csv(path("missing.csv"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("CSV input '" + path("missing.csv") + "' does not exist");
    }

    private List<String> paths(IngestRequest request) {
        return source.inputs(request).stream().map(SourceInput::description).toList();
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }
}
