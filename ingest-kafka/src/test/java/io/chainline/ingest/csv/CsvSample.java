package io.chainline.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.ingest.source.SourceInput;
import io.chainline.ingest.source.SourceReader;
import io.chainline.ingest.source.SourceRow;

/** The real DataCo rows in {@code /dataco/dataco-sample.csv} and helpers to write and read CSV files from them. */
final class CsvSample {
    static final String RESOURCE = "/dataco/dataco-sample.csv";
    static final int ROW_COUNT = 62;

    private CsvSample() {}

    /** The sample's text, header first, each line ending in {@code \n}. */
    static String text() {
        try (InputStream in = CsvSample.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Test resource " + RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample's lines without terminators, header first. */
    static List<String> lines() {
        return text().lines().toList();
    }

    /** The header line: the 53 contract headers in file order. */
    static String headerLine() {
        return String.join(",", DataCoColumn.headers());
    }

    /** Data line {@code index} (0-based) of the sample. */
    static String dataLine(int index) {
        return lines().get(index + 1);
    }

    /** Every data line split at each comma (the sample has no quoted fields), keyed by the header. */
    static List<Map<String, String>> naiveRows() {
        List<String> lines = lines();
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], fields[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** A sample data line with field {@code index} replaced by {@code field} (written as is, quotes included). */
    static String lineWithField(int index, String field) {
        String[] fields = dataLine(0).split(",", -1);
        fields[index] = field;
        return String.join(",", fields);
    }

    /** Writes {@code text} as UTF-8. */
    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV input of {@code file} with its encoding detected. */
    static CsvFileInput input(Path file) {
        return new CsvFileInput(file, Optional.empty(), new CsvSettings(128 * 1024));
    }

    /** Every row of {@code input} after {@code position}. */
    static List<SourceRow> readAll(SourceInput input, String position) {
        List<SourceRow> rows = new ArrayList<>();
        try (SourceReader reader = input.open(position)) {
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Every row of {@code input} from the start. */
    static List<SourceRow> readAll(SourceInput input) {
        return readAll(input, null);
    }
}
