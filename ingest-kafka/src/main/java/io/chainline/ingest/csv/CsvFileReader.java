package io.chainline.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.DataQualityException;
import io.chainline.core.error.RetriableException;
import io.chainline.ingest.source.SourceReader;
import io.chainline.ingest.source.SourceRow;

import static java.util.Objects.requireNonNull;

/**
 * Streams the data records of one CSV file as {@link SourceRow}s, keyed by the names of its header line. A row's
 * position is the number of data records read so far, itself included; a record with a wrong field count, an
 * unterminated quoted field or more characters than {@link CsvSettings#maxRowSize()} becomes a broken row and reading
 * goes on. Not thread-safe.
 */
final class CsvFileReader implements SourceReader {
    private static final Logger LOG = LoggerFactory.getLogger(CsvFileReader.class);
    /** Characters of an oversized row kept in its dead letter. */
    private static final int SHOWN_CHARS = 1024;

    private final String file;
    private final CsvRecordParser parser;
    private final String[] names;
    private final CsvRowValues.Columns columns;
    private final CsvSettings settings;
    private long consumed;
    private boolean done;

    private CsvFileReader(String file, CsvRecordParser parser, String[] names, long consumed, CsvSettings settings) {
        this.file = file;
        this.parser = parser;
        this.names = names;
        this.columns = new CsvRowValues.Columns(names);
        this.consumed = consumed;
        this.settings = settings;
    }

    /**
     * Opens {@code path}, checks its header and skips {@code skip} data records.
     *
     * @param path the file
     * @param file the file as people see it in messages
     * @param charset the file's encoding
     * @param skipBytes bytes to skip before decoding (a byte order mark)
     * @param skip data records already consumed
     * @param settings the limit on a row's size
     * @throws DataQualityException when the header is missing or does not satisfy the contract
     * @throws RetriableException when the file cannot be read
     */
    static CsvFileReader open(Path path, String file, Charset charset, int skipBytes, long skip, CsvSettings settings) {
        requireNonNull(path, "path is null");
        requireNonNull(file, "file is null");
        requireNonNull(charset, "charset is null");
        requireNonNull(settings, "settings is null");
        CsvRecordParser parser = openParser(path, file, charset, skipBytes, settings.maxRowSize());
        try {
            String[] names = readHeader(parser, file, settings);
            long skipped = 0;
            while (skipped < skip && parser.next()) {
                skipped++;
            }
            return new CsvFileReader(file, parser, names, skipped, settings);
        } catch (IOException e) {
            closeQuietly(parser, e);
            throw readFailure(file, parser.currentLine(), e);
        } catch (RuntimeException e) {
            closeQuietly(parser, e);
            throw e;
        }
    }

    @Override
    public SourceRow next() {
        if (done) {
            return null;
        }
        try {
            if (!parser.next()) {
                done = true;
                return null;
            }
        } catch (IOException e) {
            throw readFailure(file, parser.currentLine(), e);
        }
        consumed++;
        String position = Long.toString(consumed);
        long line = parser.line();
        if (parser.oversized()) {
            return SourceRow.broken(line, shortened(parser.raw()), settings.oversizedProblem(), position);
        }
        if (parser.unterminated()) {
            return SourceRow.broken(line, parser.raw(), "has an unterminated quoted field", position);
        }
        int fields = parser.fieldCount();
        if (fields != names.length) {
            return SourceRow.broken(
                    line, parser.raw(), "has " + fields + " fields, the header has " + names.length, position);
        }
        String[] values = new String[fields];
        for (int i = 0; i < fields; i++) {
            values[i] = parser.field(i);
        }
        return SourceRow.of(line, new CsvRowValues(columns, values), parser.raw(), position);
    }

    @Override
    public void close() {
        done = true;
        try {
            parser.close();
        } catch (IOException e) {
            // Every row was already handed out; a failed close of a file only read cannot lose data.
            LOG.warn("Cannot close CSV file {}: {}", file, e.toString());
        }
    }

    private static CsvRecordParser openParser(Path path, String file, Charset charset, int skipBytes, int maxRowSize) {
        InputStream in = null;
        try {
            in = Files.newInputStream(path);
            in.skipNBytes(skipBytes);
            // Reports rather than replaces a byte the charset cannot decode: a value never holds U+FFFD in its place.
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new CsvRecordParser(new InputStreamReader(in, decoder), maxRowSize);
        } catch (IOException e) {
            if (in != null) {
                closeQuietly(in, e);
            }
            throw new RetriableException("Cannot open CSV file " + file + ": " + e, e);
        }
    }

    private static String[] readHeader(CsvRecordParser parser, String file, CsvSettings settings) throws IOException {
        if (!parser.next()) {
            throw new DataQualityException(
                    "File " + file + " has no header line (it is empty or all its lines are blank);"
                            + " expected the DataCo column names");
        }
        if (parser.oversized()) {
            throw new DataQualityException("File " + file + "'s header line " + settings.oversizedProblem());
        }
        if (parser.unterminated()) {
            throw new DataQualityException(
                    "File " + file + " has an unterminated quoted field in its header on line " + parser.line());
        }
        List<String> fields = new ArrayList<>(parser.fieldCount());
        for (int i = 0; i < parser.fieldCount(); i++) {
            fields.add(parser.field(i));
        }
        return CsvHeader.names(file, fields, parser.line());
    }

    /** The start of an oversized row, enough to find it; the whole of it would not fit a dead letter. */
    private static String shortened(String raw) {
        return raw.length() <= SHOWN_CHARS ? raw : raw.substring(0, SHOWN_CHARS) + "…";
    }

    private static RuntimeException readFailure(String file, long line, IOException e) {
        if (e instanceof CharacterCodingException) {
            // The scan found the file decodable, so it changed since: reading it again will not help.
            return new DataQualityException(
                    "File " + file + " holds a byte on line " + line
                            + " that is not text in its encoding ("
                            + e.getClass().getSimpleName() + "); the file changed"
                            + " while it was read",
                    e);
        }
        return new RetriableException("Cannot read CSV file " + file + " at line " + line + ": " + e, e);
    }

    private static void closeQuietly(AutoCloseable closeable, Exception failure) {
        try {
            closeable.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
