package io.chainline.olap.iceberg;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * The meaning of each silver column, written into the Iceberg schema as the column's doc. Read from
 * {@code column-docs.properties}: {@code <table>.<column>} wins over {@code <column>}.
 */
public final class ColumnDocs {
    private final Properties docs;

    private ColumnDocs(Properties docs) {
        this.docs = docs;
    }

    /** The docs shipped with Chainline. */
    public static ColumnDocs standard() {
        Properties docs = new Properties();
        try (InputStream in = ColumnDocs.class.getResourceAsStream("column-docs.properties");
                Reader reader = new InputStreamReader(
                        requireNonNull(in, "column-docs.properties is missing"), StandardCharsets.UTF_8)) {
            docs.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read column-docs.properties", e);
        }
        return new ColumnDocs(docs);
    }

    /** The doc of {@code column} of {@code table}, if one is written. */
    public Optional<String> of(String table, String column) {
        return Optional.ofNullable(docs.getProperty(table + "." + column, docs.getProperty(column)));
    }
}
