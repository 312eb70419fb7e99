package io.chainline.ingest.csv;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import io.chainline.core.error.DataQualityException;
import io.chainline.core.error.RetriableException;
import io.chainline.ingest.source.SourceInput;
import io.chainline.ingest.source.SourceReader;

import static java.util.Objects.requireNonNull;

/**
 * One CSV file. Its key is {@code csv:sha256:<hex>} of the file's bytes, so a renamed copy is the same input and
 * a changed file is a new one. The hash and the encoding are found in one streaming pass over the file, done once,
 * on the first call of {@link #key()} or {@link #open(String)}. A position is the number of data records consumed.
 */
public final class CsvFileInput implements SourceInput {
    /** The prefix of every key. */
    public static final String KEY_PREFIX = "csv:sha256:";

    private final Path path;
    private final Optional<Charset> charset;
    private final CsvSettings settings;
    private CsvFileScan scan;

    /**
     * An input of one file; nothing is read until {@link #key()}, {@link #charset()} or {@link #open(String)}.
     *
     * @param path the file; its text form is the description
     * @param charset the encoding to read it with, or empty to detect it (UTF-8 with or without a byte order
     *     mark, else windows-1252, else ISO-8859-1)
     * @param settings the limit on a row's size
     */
    public CsvFileInput(Path path, Optional<Charset> charset, CsvSettings settings) {
        this.path = requireNonNull(path, "path is null");
        this.charset = requireNonNull(charset, "charset is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** {@code csv:sha256:} and the hex SHA-256 of the file's bytes. */
    @Override
    public String key() {
        return KEY_PREFIX + scan().sha256();
    }

    /** The file's path. */
    @Override
    public String description() {
        return path.toString();
    }

    /** Always true: a file is done once read to its end. */
    @Override
    public boolean finite() {
        return true;
    }

    /** The encoding the file is read with: the requested one, else the detected one. */
    public Charset charset() {
        return charset.orElseGet(() -> scan().charset());
    }

    /**
     * Opens the file after {@code committedPosition} data records.
     *
     * @param committedPosition a decimal count of data records already consumed, or null to start at the first
     * @throws IllegalArgumentException when the position is not a count of records
     * @throws DataQualityException when the header lacks contract columns or repeats a name, when the file is
     *     gzip-compressed, or when a byte is not text in the file's encoding (the requested one, or a damaged UTF-8
     *     file): then nothing of the file is read, rather than a value holding a replacement character
     * @throws RetriableException when the file cannot be read
     */
    @Override
    public SourceReader open(String committedPosition) {
        long skip = parsePosition(committedPosition);
        CsvFileScan content = scan();
        Charset used = charset();
        if (content.gzip()) {
            throw new DataQualityException("File " + path + " is gzip-compressed (it starts with the bytes 1f 8b),"
                    + " not CSV text; decompress it and ingest the .csv file");
        }
        if (content.badByte() >= 0) {
            throw new DataQualityException(undecodable(content, used));
        }
        int skipBytes = content.utf8Bom() && used.equals(StandardCharsets.UTF_8) ? CsvFileScan.UTF8_BOM_LENGTH : 0;
        return CsvFileReader.open(path, description(), used, skipBytes, skip, settings);
    }

    private String undecodable(CsvFileScan content, Charset used) {
        String where = "byte " + content.badByte() + " (0-based) on line " + content.badLine();
        if (charset.isPresent()) {
            return "File " + path + " is not " + used.name() + " text, the charset asked for: " + where
                    + " is no " + used.name() + " character; nothing of it was sent. Give the file's own encoding"
                    + " as the charset, or none to have it detected";
        }
        return "File " + path + " is damaged UTF-8: it holds UTF-8 characters, but " + where
                + " starts no valid UTF-8 character; nothing of it was sent. Repair the file, or give its encoding"
                + " as the charset if it is not UTF-8";
    }

    @Override
    public String toString() {
        return "CsvFileInput[" + path + "]";
    }

    private synchronized CsvFileScan scan() {
        if (scan == null) {
            try {
                scan = CsvFileScan.of(path, charset);
            } catch (IOException e) {
                throw new RetriableException("Cannot read CSV file " + path + " to hash it: " + e, e);
            }
        }
        return scan;
    }

    private long parsePosition(String position) {
        if (position == null) {
            return 0;
        }
        try {
            long records = Long.parseLong(position);
            if (records >= 0) {
                return records;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid position '" + position + "' for CSV file " + path
                + ": must be a count of data records, a whole number >= 0");
    }
}
