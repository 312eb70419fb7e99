package io.chainline.ingest.produce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.chainline.core.contract.DataCoColumn;

import static io.chainline.ingest.produce.BadInputCase.fails;
import static io.chainline.ingest.produce.BadInputCase.read;

/**
 * The bad-input corpus with what each case must give, by hand; docs/reliability.md ("Bad input corpus") lists the
 * same cases. Rows are the sample's first five (Order Item Ids 180517 to 180513; lines 3 and 4 hold {@code Rajastán}
 * and other letters beyond ASCII) unless a case says otherwise.
 */
final class BadInputCases {
    /** Rejected as longer than chainline.ingest.csv.max-row-size (128KiB = 131072 characters by default). */
    private static final String OVERSIZED = "has more than 131072 characters, the limit"
            + " 'chainline.ingest.csv.max-row-size'; reading went on with the line after the one it starts on";

    private static final String NO_HEADER =
            "File {file} has no header line (it is empty or all its lines are blank); expected the DataCo column names";

    private BadInputCases() {}

    static List<BadInputCase> all() {
        return List.of(
                // The file as a whole
                fails("empty.csv", NO_HEADER),
                read("header-only.csv", 0),
                read("header-only-no-newline.csv", 0),
                fails("only-blank-lines.csv", NO_HEADER),
                fails(
                        "missing-required-column.csv",
                        "File {file} lacks required columns in its header on line 1: [Order Item Id]"),
                fails(
                        "duplicate-header.csv",
                        "File {file} repeats header names on line 1: [Sales]; each column must appear once"),
                read("header-with-spaces.csv", 2),
                read("shuffled-columns.csv", 5),
                read("extra-columns.csv", 5).arriving("\"Warehouse\":\"W1\",\"Notes\":\"fragile\""),
                read("trailing-delimiter-everywhere.csv", 2).arriving("\"\":\"\""),
                read("directory-with-a-text-file", BadInputCases::directory, 3),
                fails(
                        "gzip.csv.gz",
                        "File {file} is gzip-compressed (it starts with the bytes 1f 8b), not CSV text; decompress it"
                                + " and ingest the .csv file"),
                fails(
                        "binary-garbage.csv",
                        "File {file} is damaged UTF-8: it holds UTF-8 characters, but byte 0 (0-based) on line 1"
                                + " starts no valid UTF-8 character; nothing of it was sent. Repair the file, or give"
                                + " its encoding as the charset if it is not UTF-8"),
                // Line ends and blank lines
                read("bom.csv", 5).arriving("Rajastán"),
                read("crlf.csv", 5).arriving("Rajastán"),
                read("mixed-crlf-lf.csv", 5),
                read("blank-lines.csv", 3),
                // Encodings
                read("latin1.csv", 5).arriving("Rajastán"),
                fails(
                                "latin1-forced-utf8.csv",
                                "File {file} is not UTF-8 text, the charset asked for: byte 1218 (0-based) on line 2 is"
                                        + " no UTF-8 character; nothing of it was sent. Give the file's own encoding as"
                                        + " the charset, or none to have it detected")
                        .withCharset(StandardCharsets.UTF_8),
                fails(
                        "invalid-utf8.csv",
                        "File {file} is damaged UTF-8: it holds UTF-8 characters, but byte 2404 (0-based) on line 5"
                                + " starts no valid UTF-8 character; nothing of it was sent. Repair the file, or give"
                                + " its encoding as the charset if it is not UTF-8"),
                fails(
                        "lone-surrogate.csv",
                        "File {file} is damaged UTF-8: it holds UTF-8 characters, but byte 1919 (0-based) on line 4"
                                + " starts no valid UTF-8 character; nothing of it was sent. Repair the file, or give"
                                + " its encoding as the charset if it is not UTF-8"),
                read(
                        "nul-byte.csv",
                        2,
                        "3: column 'Customer Fname' holds a NUL character (U+0000), which no sink can store"),
                // Quoting and field counts
                read("unterminated-quote.csv", 3, "3: has an unterminated quoted field"),
                read("quote-in-unquoted-field.csv", 2).arriving("Smart 5\\\" watch"),
                read("embedded-newline.csv", 3).arriving("first line\\nsecond, with a comma"),
                read("too-few-fields.csv", 1, "2: has 52 fields, the header has 53"),
                read("too-many-fields.csv", 1, "2: has 54 fields, the header has 53"),
                read(
                        "trailing-delimiter-rows.csv",
                        0,
                        "2: has 54 fields, the header has 53",
                        "3: has 54 fields, the header has 53"),
                read("oversized-field", BadInputCases::oversizedField, 2, "3: " + OVERSIZED),
                read("multi-megabyte-line", BadInputCases::multiMegabyteLine, 2, "3: " + OVERSIZED),
                // Values
                read(
                        "numeric-overflow.csv",
                        1,
                        "2: Column 'Order Item Quantity' is out of range for an integer",
                        "3: Column 'Sales' is out of range for a decimal"),
                read("decimal-beyond-silver.csv", 2),
                read(
                        "bad-dates.csv",
                        1,
                        "2: Column 'order date (DateOrders)' is not a valid date: month must be 1 to 12",
                        "3: Column 'order date (DateOrders)' is not a valid date: day must be 1 to 28 in 2/2018",
                        "4: Column 'order date (DateOrders)' is not in the form M/d/yyyy H:mm or M/d/yy H:mm"),
                read(
                        "non-numeric.csv",
                        1,
                        "2: Column 'Order Item Quantity' is not an integer",
                        "3: Column 'Sales' is not a decimal number: use '.' as the decimal separator and no thousands"
                                + " separators",
                        "4: Column 'Latitude' is not a decimal number"),
                read("negative-quantity.csv", 2),
                read("out-of-range-latitude.csv", 1, "2: Column 'Latitude' is outside [-90, 90]"),
                read("whitespace-only-values.csv", 2, "3: Column 'Order Item Id' is required but empty"),
                read("duplicate-order-items.csv", 6));
    }

    /** A directory holding {@code rows.csv} (3 rows) and {@code notes.txt}, which is not read. */
    private static Path directory(Path dir) {
        Path directory = dir.resolve("directory");
        BadInputCase.copy("/bad-input/directory/rows.csv", directory.resolve("rows.csv"));
        BadInputCase.copy("/bad-input/directory/notes.txt", directory.resolve("notes.txt"));
        return directory;
    }

    /** Header, row 1, row 2 with a Product Description of 200,000 characters, row 3. */
    private static Path oversizedField(Path dir) throws IOException {
        List<String> rows = sample();
        String[] fields = rows.get(2).split(",", -1);
        fields[DataCoColumn.PRODUCT_DESCRIPTION.ordinal()] = "d".repeat(200_000);
        return write(
                dir.resolve("oversized-field.csv"), rows.get(0), rows.get(1), String.join(",", fields), rows.get(3));
    }

    /** Header, row 1, a line of 5 MiB without a comma, row 2. */
    private static Path multiMegabyteLine(Path dir) throws IOException {
        List<String> rows = sample();
        return write(
                dir.resolve("multi-megabyte-line.csv"), rows.get(0), rows.get(1), "x".repeat(5 << 20), rows.get(2));
    }

    private static Path write(Path file, String... lines) throws IOException {
        return Files.writeString(file, BadInputCase.lines(List.of(lines)), StandardCharsets.UTF_8);
    }

    /** The sample's header and rows. */
    private static List<String> sample() {
        try (InputStream in = BadInputCases.class.getResourceAsStream("/dataco/dataco-sample.csv")) {
            return new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
