package io.chainline.ingest.csv;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.inject.Inject;

import io.chainline.core.error.ConfigException;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.source.RecordSource;
import io.chainline.ingest.source.SourceInput;

import static java.util.Objects.requireNonNull;

/**
 * The {@code csv} record source: the CSV files of {@link IngestRequest#inputs()}, each named as a file, a directory
 * (its {@code *.csv} files, sorted by name, not recursive) or a glob ({@code data/*.csv},
 * {@code data/**}{@code /*.csv}). A file named twice is read once. The request's charset, when given, overrides
 * the detection of each file's encoding.
 */
public final class CsvRecordSource implements RecordSource {
    /** The source's type name. */
    public static final String TYPE = IngestRequest.CSV;

    private final CsvPaths paths;
    private final CsvSettings settings;

    /** A source of files on the default file system, read with {@code settings}. */
    @Inject
    public CsvRecordSource(CsvSettings settings) {
        this.paths = new CsvPaths(FileSystems.getDefault());
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * One {@link CsvFileInput} per file the request names, in the order named.
     *
     * @throws ConfigException listing every input that does not exist or matches no file
     */
    @Override
    public List<SourceInput> inputs(IngestRequest request) {
        requireNonNull(request, "request is null");
        List<String> problems = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        List<SourceInput> inputs = new ArrayList<>();
        for (String input : request.inputs()) {
            for (Path file : paths.resolve(input, problems)) {
                if (seen.add(identity(file))) {
                    inputs.add(new CsvFileInput(file, request.charset(), settings));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return List.copyOf(inputs);
    }

    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            // The file was listed a moment ago; opening it will report why it is gone.
            return file.toAbsolutePath().normalize();
        }
    }
}
