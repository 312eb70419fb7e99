package io.chainline.ingest.csv;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.error.RetriableException;
import io.chainline.ingest.source.SourceRow;

import static io.chainline.ingest.csv.CsvSample.headerLine;
import static io.chainline.ingest.csv.CsvSample.input;
import static io.chainline.ingest.csv.CsvSample.lineWithField;
import static io.chainline.ingest.csv.CsvSample.readAll;
import static io.chainline.ingest.csv.CsvSample.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvFileInputTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int PRODUCT_NAME = DataCoColumn.PRODUCT_NAME.ordinal();

    @TempDir
    Path dir;

    @Test
    void theKeyIsTheSha256OfTheBytes() throws IOException, NoSuchAlgorithmException {
        Path file = write(dir.resolve("sample.csv"), CsvSample.text());
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));

        assertThat(input(file).key()).isEqualTo("csv:sha256:" + sha256).matches("csv:sha256:[0-9a-f]{64}");
    }

    @Test
    void aRenamedCopyHasTheSameKeyAndAChangedByteAnother() throws IOException {
        Path original = write(dir.resolve("orders.csv"), CsvSample.text());
        Path copy = Files.copy(original, dir.resolve("orders-copy.csv"));
        byte[] bytes = Files.readAllBytes(original);
        bytes[bytes.length / 2] ^= 1;
        Path changed = Files.write(dir.resolve("orders-changed.csv"), bytes);

        assertThat(input(copy).key()).isEqualTo(input(original).key());
        assertThat(input(changed).key()).isNotEqualTo(input(original).key());
    }

    @Test
    void describesItselfByItsPath() {
        Path file = write(dir.resolve("sample.csv"), CsvSample.text());

        assertThat(input(file).description()).isEqualTo(file.toString());
        assertThat(input(file).finite()).isTrue();
    }

    @Test
    void utf8WithAndWithoutByteOrderMarkIsDetected() {
        assertThat(input(write(dir.resolve("plain.csv"), CsvSample.text())).charset())
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(input(write(dir.resolve("bom.csv"), "\uFEFF" + CsvSample.text()))
                        .charset())
                .isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void utf8IsDetectedWhenACharacterStraddlesTheScanChunks() throws IOException {
        String text = headerLine() + "\n" + lineWithField(PRODUCT_NAME, "x".repeat(70_000) + "é€");
        Path file = dir.resolve("wide.csv");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        for (int shift = 0; shift < 4; shift++) {
            Path shifted = Files.writeString(
                    dir.resolve("wide" + shift + ".csv"), "\n".repeat(shift) + text, StandardCharsets.UTF_8);
            assertThat(input(shifted).charset()).as("shift %d", shift).isEqualTo(StandardCharsets.UTF_8);
        }
        assertThat(readAll(input(file)).get(0).values().get("Product Name")).endsWith("xé€");
    }

    @Test
    void theSampleSavedAsIso88591GivesTheSameRows() throws IOException {
        Path utf8 = write(dir.resolve("utf8.csv"), CsvSample.text());
        Path latin1 = Files.writeString(dir.resolve("latin1.csv"), CsvSample.text(), StandardCharsets.ISO_8859_1);

        List<SourceRow> rows = readAll(input(latin1));

        assertThat(rows).isEqualTo(readAll(input(utf8)));
        assertThat(rows.get(1).values()).containsEntry("Order State", "Rajastán");
    }

    @Test
    void windows1252CharactersDecodeAsWindows1252() throws IOException {
        Path file = Files.writeString(
                dir.resolve("cp1252.csv"),
                headerLine() + "\n" + lineWithField(PRODUCT_NAME, "Watch 50€ “Pro”") + "\n",
                WINDOWS_1252);

        CsvFileInput input = input(file);

        assertThat(input.charset()).isEqualTo(WINDOWS_1252);
        assertThat(readAll(input).get(0).values()).containsEntry("Product Name", "Watch 50€ “Pro”");
    }

    @Test
    void bytesUndefinedInWindows1252MeanIso88591() throws IOException {
        Path file = Files.writeString(
                dir.resolve("latin1.csv"),
                headerLine() + "\n" + lineWithField(PRODUCT_NAME, "Watch\u0080\u0081é") + "\n",
                StandardCharsets.ISO_8859_1);

        CsvFileInput input = input(file);

        assertThat(input.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(readAll(input).get(0).values()).containsEntry("Product Name", "Watch\u0080\u0081é");
    }

    @Test
    void aRequestedCharsetOverridesDetection() throws IOException {
        Path file = Files.writeString(
                dir.resolve("cp1252.csv"),
                headerLine() + "\n" + lineWithField(PRODUCT_NAME, "50€") + "\n",
                WINDOWS_1252);

        CsvFileInput input =
                new CsvFileInput(file, Optional.of(StandardCharsets.ISO_8859_1), new CsvSettings(128 * 1024));

        assertThat(input.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(readAll(input).get(0).values()).containsEntry("Product Name", "50\u0080");
        CsvFileInput utf8 = new CsvFileInput(
                write(dir.resolve("utf8.csv"), CsvSample.text()),
                Optional.of(StandardCharsets.ISO_8859_1),
                new CsvSettings(128 * 1024));
        assertThat(readAll(utf8).get(1).values()).containsEntry("Order State", "RajastÃ¡n");
    }

    @Test
    void aMissingFileIsARetriableFailureNamingIt() {
        Path file = dir.resolve("gone.csv");

        assertThatThrownBy(() -> input(file).key())
                .isInstanceOf(RetriableException.class)
                .hasMessageStartingWith("Cannot read CSV file " + file + " to hash it: ")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aRequestedCharsetTheFileIsNotInFailsTheFileNamingTheByteInsteadOfReplacingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("latin1.csv"), CsvSample.text(), StandardCharsets.ISO_8859_1);
        CsvFileInput input = new CsvFileInput(file, Optional.of(StandardCharsets.UTF_8), new CsvSettings(128 * 1024));
        long firstAccent = CsvSample.text().indexOf('á');
        long line = CsvSample.text().substring(0, (int) firstAccent).lines().count();

        assertThatThrownBy(() -> input.open(null))
                .isInstanceOf(DataQualityException.class)
                .hasMessageStartingWith(
                        "File " + file + " is not UTF-8 text, the charset asked for: byte " + firstAccent
                                + " (0-based) on line " + line + " is no UTF-8 character; nothing of it was sent");
    }

    @Test
    void aUtf8FileWithABadByteFailsInsteadOfBeingReadAsWindows1252() throws IOException {
        byte[] text =
                (headerLine() + "\n" + lineWithField(PRODUCT_NAME, "Seúl ?") + "\n").getBytes(StandardCharsets.UTF_8);
        int mark = text.length - 1;
        while (text[mark] != '?') {
            mark--;
        }
        text[mark] = (byte) 0xFF;
        Path file = Files.write(dir.resolve("damaged.csv"), text);

        assertThatThrownBy(() -> input(file).open(null))
                .isInstanceOf(DataQualityException.class)
                .hasMessageStartingWith("File " + file + " is damaged UTF-8: it holds UTF-8 characters, but byte "
                        + mark + " (0-based) on line 2 starts no valid UTF-8 character");
        Path latin1Only = Files.write(
                dir.resolve("legacy.csv"),
                (headerLine() + "\n" + lineWithField(PRODUCT_NAME, "Se\u00FAl") + "\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(readAll(input(latin1Only)).get(0).values()).containsEntry("Product Name", "Seúl");
    }

    @Test
    void aGzipFileFailsSayingSo() throws IOException {
        Path file = Files.write(dir.resolve("rows.csv"), new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0});

        assertThatThrownBy(() -> input(file).open(null))
                .isInstanceOf(DataQualityException.class)
                .hasMessageStartingWith("File " + file + " is gzip-compressed");
    }
}
