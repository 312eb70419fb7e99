package io.chainline.ingest.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.error.DataQualityException;
import io.chainline.ingest.source.SourceReader;
import io.chainline.ingest.source.SourceRow;

import static io.chainline.ingest.csv.CsvSample.dataLine;
import static io.chainline.ingest.csv.CsvSample.headerLine;
import static io.chainline.ingest.csv.CsvSample.input;
import static io.chainline.ingest.csv.CsvSample.lineWithField;
import static io.chainline.ingest.csv.CsvSample.readAll;
import static io.chainline.ingest.csv.CsvSample.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvFileReaderTest {
    private static final int PRODUCT_NAME = DataCoColumn.PRODUCT_NAME.ordinal();
    private static final int PRODUCT_DESCRIPTION = DataCoColumn.PRODUCT_DESCRIPTION.ordinal();
    private static final int SHIPPING_MODE = DataCoColumn.SHIPPING_MODE.ordinal();

    @TempDir
    Path dir;

    @Test
    void everySampleRowArrivesAsInTheFile() {
        Path file = write(dir.resolve("sample.csv"), CsvSample.text());
        List<String> lines = CsvSample.lines();

        List<SourceRow> rows = readAll(input(file));

        assertThat(rows).hasSize(CsvSample.ROW_COUNT);
        List<Map<String, String>> expected = CsvSample.naiveRows();
        for (int i = 0; i < rows.size(); i++) {
            SourceRow row = rows.get(i);
            assertThat(row.problem()).isNull();
            assertThat(row.values()).as("row %d", i + 1).isEqualTo(expected.get(i));
            assertThat(List.copyOf(row.values().keySet())).isEqualTo(DataCoColumn.headers());
            assertThat(row.line()).isEqualTo(i + 2);
            assertThat(row.raw()).isEqualTo(lines.get(i + 1));
            assertThat(row.position()).isEqualTo(Integer.toString(i + 1));
        }
        assertThat(rows.get(1).values())
                .containsEntry("Order State", "Rajastán")
                .containsEntry("Product Name", "Smart watch ");
    }

    @Test
    void crlfLineEndsGiveTheSameRows() {
        Path lf = write(dir.resolve("lf.csv"), CsvSample.text());
        Path crlf = write(dir.resolve("crlf.csv"), CsvSample.text().replace("\n", "\r\n"));

        List<SourceRow> rows = readAll(input(crlf));

        assertThat(rows).isEqualTo(readAll(input(lf)));
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        Path plain = write(dir.resolve("plain.csv"), CsvSample.text());
        Path bom = write(dir.resolve("bom.csv"), "\uFEFF" + CsvSample.text());

        List<SourceRow> rows = readAll(input(bom));

        assertThat(rows).isEqualTo(readAll(input(plain)));
        assertThat(List.copyOf(rows.get(0).values().keySet())).isEqualTo(DataCoColumn.headers());
    }

    @Test
    void headerNamesAreTrimmedOfSpacesAndAByteOrderMark() {
        String header = "\uFEFF " + headerLine().replace(",", " , ") + " ";
        Path file = write(dir.resolve("spaced.csv"), header + "\n" + dataLine(0) + "\n");

        SourceRow row = readAll(input(file)).get(0);

        assertThat(row.values()).isEqualTo(CsvSample.naiveRows().get(0));
    }

    @Test
    void quotedFieldsAreUnescapedAndLineNumbersFollowMultiLineRecords() {
        String quoted = lineWithField(PRODUCT_NAME, "\"Smart, \"\"watch\"\"\"");
        String multiLine = lineWithField(PRODUCT_DESCRIPTION, "\"line one\nline two\r\nline three\"");
        String empty = lineWithField(PRODUCT_NAME, "\"\"");
        String text = headerLine() + "\n" + quoted + "\n" + multiLine + "\n" + empty + "\n" + dataLine(1);
        Path file = write(dir.resolve("quoted.csv"), text);

        List<SourceRow> rows = readAll(input(file));

        assertThat(rows).extracting(SourceRow::problem).containsOnlyNulls();
        assertThat(rows.get(0).values()).containsEntry("Product Name", "Smart, \"watch\"");
        assertThat(rows.get(0).raw()).isEqualTo(quoted);
        assertThat(rows.get(1).values()).containsEntry("Product Description", "line one\nline two\r\nline three");
        assertThat(rows.get(1).raw()).isEqualTo(multiLine);
        assertThat(rows.get(2).values()).containsEntry("Product Name", "");
        assertThat(rows.get(3).values()).isEqualTo(CsvSample.naiveRows().get(1));
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 3L, 6L, 7L);
        assertThat(rows).extracting(SourceRow::position).containsExactly("1", "2", "3", "4");
    }

    @Test
    void emptyLinesAreSkippedButCounted() {
        String text = headerLine() + "\n\n" + dataLine(0) + "\n\r\n\n" + dataLine(1) + "\n\n";
        Path file = write(dir.resolve("gaps.csv"), text);

        List<SourceRow> rows = readAll(input(file));

        assertThat(rows).extracting(SourceRow::line).containsExactly(3L, 6L);
        assertThat(rows).extracting(SourceRow::position).containsExactly("1", "2");
    }

    @Test
    void columnsAreMatchedByNameAndUnknownColumnsKept() {
        List<String> headers = new ArrayList<>(DataCoColumn.headers());
        List<String> values = new ArrayList<>(List.of(dataLine(0).split(",", -1)));
        headers.add(0, "Warehouse");
        values.add(0, "North");
        Collections.reverse(headers);
        Collections.reverse(values);
        Path file = write(dir.resolve("reordered.csv"), String.join(",", headers) + "\n" + String.join(",", values));

        SourceRow row = readAll(input(file)).get(0);

        assertThat(List.copyOf(row.values().keySet())).isEqualTo(headers);
        assertThat(row.values())
                .containsEntry("Warehouse", "North")
                .containsAllEntriesOf(CsvSample.naiveRows().get(0))
                .hasSize(DataCoColumn.headers().size() + 1);
    }

    @Test
    void aHeaderLackingContractColumnsIsRejectedWithEveryMissingName() {
        String header = headerLine().replace(",Sales,", ",Revenue,").replace(",Order Item Id,", ",");
        Path file = write(dir.resolve("missing.csv"), header + "\n");

        assertThatThrownBy(() -> input(file).open(null))
                .isInstanceOf(DataQualityException.class)
                .hasMessage("File " + file + " lacks required columns in its header on line 1: [Order Item Id, Sales]");
    }

    @Test
    void repeatedHeaderNamesAreRejected() {
        Path file = write(dir.resolve("repeated.csv"), headerLine() + ",Market, Sales\n");

        assertThatThrownBy(() -> input(file).open(null))
                .isInstanceOf(DataQualityException.class)
                .hasMessage("File " + file
                        + " repeats header names on line 1: [Market, Sales]; each column must appear once");
    }

    @Test
    void aFileWithoutAHeaderIsRejected() {
        Path file = write(dir.resolve("empty.csv"), "\n\n");

        assertThatThrownBy(() -> input(file).open(null))
                .isInstanceOf(DataQualityException.class)
                .hasMessage("File " + file
                        + " has no header line (it is empty or all its lines are blank); expected the DataCo column"
                        + " names");
    }

    @Test
    void recordsWithAWrongFieldCountAreBrokenRowsAndReadingGoesOn() {
        String tooFew = dataLine(0).substring(0, dataLine(0).lastIndexOf(','));
        String tooMany = dataLine(0) + ",extra";
        Path file = write(
                dir.resolve("counts.csv"),
                String.join("\n", headerLine(), tooFew, dataLine(1), tooMany, dataLine(2)) + "\n");

        List<SourceRow> rows = readAll(input(file));

        assertThat(rows)
                .extracting(SourceRow::problem)
                .containsExactly("has 52 fields, the header has 53", null, "has 54 fields, the header has 53", null);
        assertThat(rows.get(0).raw()).isEqualTo(tooFew);
        assertThat(rows.get(0).values()).isEmpty();
        assertThat(rows.get(2).raw()).isEqualTo(tooMany);
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(rows).extracting(SourceRow::position).containsExactly("1", "2", "3", "4");
        assertThat(rows.get(3).values()).isEqualTo(CsvSample.naiveRows().get(2));
    }

    @Test
    void anUnterminatedQuoteIsABrokenRowOfOneLineAndTheLinesAfterItAreRowsAgain() {
        String broken = lineWithField(SHIPPING_MODE, "\"Standard Class");
        Path file = write(
                dir.resolve("unterminated.csv"),
                String.join("\n", headerLine(), dataLine(0), broken, dataLine(1)) + "\n");

        List<SourceRow> rows = readAll(input(file));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).problem()).isEqualTo("has an unterminated quoted field");
        assertThat(rows.get(1).raw()).isEqualTo(broken);
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).position()).isEqualTo("2");
        assertThat(rows.get(2).problem()).isNull();
        assertThat(rows.get(2).raw()).isEqualTo(dataLine(1));
        assertThat(rows.get(2).line()).isEqualTo(4);
        assertThat(readAll(input(file), "2")).extracting(SourceRow::raw).containsExactly(dataLine(1));
    }

    @Test
    void aRowLongerThanTheLimitIsABrokenRowNamingTheLimitAndReadingGoesOn() {
        String huge = lineWithField(PRODUCT_DESCRIPTION, "d".repeat(200_000));
        Path file = write(
                dir.resolve("oversized.csv"), String.join("\n", headerLine(), dataLine(0), huge, dataLine(1)) + "\n");

        List<SourceRow> rows = readAll(input(file));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).problem())
                .isEqualTo("has more than 131072 characters, the limit 'chainline.ingest.csv.max-row-size'; reading"
                        + " went on with the line after the one it starts on");
        assertThat(rows.get(1).raw()).hasSize(1025).startsWith(huge.substring(0, 1024));
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(2).raw()).isEqualTo(dataLine(1));
        assertThat(rows.get(2).line()).isEqualTo(4);
    }

    @Test
    void reopeningAtAPositionResumesAfterIt() {
        Path file = write(dir.resolve("sample.csv"), CsvSample.text());
        CsvFileInput input = input(file);
        List<SourceRow> all = readAll(input);
        List<SourceRow> first = new ArrayList<>();
        try (SourceReader reader = input.open(null)) {
            for (int i = 0; i < 10; i++) {
                first.add(reader.next());
            }
        }

        List<SourceRow> rest = readAll(input, first.get(9).position());

        assertThat(first.get(9).position()).isEqualTo("10");
        assertThat(first).isEqualTo(all.subList(0, 10));
        assertThat(rest).isEqualTo(all.subList(10, all.size()));
        assertThat(readAll(input, Integer.toString(CsvSample.ROW_COUNT))).isEmpty();
    }

    @Test
    void anInvalidPositionIsRefused() {
        Path file = write(dir.resolve("sample.csv"), CsvSample.text());

        assertThatThrownBy(() -> input(file).open("-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid position '-1' for CSV file " + file
                        + ": must be a count of data records, a whole number >= 0");
        assertThatThrownBy(() -> input(file).open("ten"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid position 'ten'");
    }

    @Test
    void aClosedReaderHasNoMoreRows() {
        Path file = write(dir.resolve("sample.csv"), CsvSample.text());
        SourceReader reader = input(file).open(null);

        reader.close();

        assertThat(reader.next()).isNull();
    }

    @Test
    void aLargeFileIsStreamedToTheEnd() throws IOException {
        int rowCount = 200_000;
        Path file = dir.resolve("large.csv");
        List<String> lines = CsvSample.lines();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(lines.get(0));
            out.write('\n');
            for (int i = 0; i < rowCount; i++) {
                out.write(lines.get(1 + i % CsvSample.ROW_COUNT));
                out.write('\n');
            }
        }

        long rows = 0;
        long broken = 0;
        SourceRow last = null;
        try (SourceReader reader = input(file).open(null)) {
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                rows++;
                broken += row.problem() == null ? 0 : 1;
                last = row;
            }
        }

        assertThat(rows).isEqualTo(rowCount);
        assertThat(broken).isZero();
        assertThat(last.position()).isEqualTo(Integer.toString(rowCount));
        assertThat(last.line()).isEqualTo(rowCount + 1L);
        assertThat(last.raw()).isEqualTo(lines.get(1 + (rowCount - 1) % CsvSample.ROW_COUNT));
    }
}
