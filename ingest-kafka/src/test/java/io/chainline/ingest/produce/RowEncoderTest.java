package io.chainline.ingest.produce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.generator.GeneratedRow;
import io.chainline.ingest.csv.CsvRecordSource;
import io.chainline.ingest.csv.CsvSettings;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.ingest.source.SourceReader;
import io.chainline.ingest.source.SourceRow;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link RowEncoder} writes exactly the bytes Jackson's generator writes for the same row. */
class RowEncoderTest {
    private static final String SPECIAL = "\"\\/\b\t\n\f\r\u0000\u0001\u001f\u007f é€ñ\u00a0\u2028\u2029\uFFFF"
            + "\uD83D\uDE00\uD83D\uDC4D\uD800\uDFFF";

    private final RowEncoder encoder = new RowEncoder();

    @TempDir
    Path dir;

    @Test
    void encodesTheSampleLikeJackson() throws IOException {
        Path file = dir.resolve("sample.csv");
        try (InputStream in = RowEncoderTest.class.getResourceAsStream("/dataco/dataco-sample.csv")) {
            Files.copy(in, file);
        }
        int rows = 0;
        try (SourceReader reader = new CsvRecordSource(new CsvSettings(128 * 1024))
                .inputs(IngestRequest.csv(file.toString()))
                .get(0)
                .open(null)) {
            SourceRow row;
            while ((row = reader.next()) != null) {
                assertSameAsJackson(row.values());
                rows++;
            }
        }
        assertThat(rows).isEqualTo(62);
    }

    @Test
    void encodesGeneratedRowsLikeJackson() {
        Iterator<GeneratedRow> rows = new DataCoGenerator(42).rows(2_000);
        while (rows.hasNext()) {
            assertSameAsJackson(rows.next().asHeaderMap());
        }
    }

    @Test
    void escapesQuotesBackslashesControlCharactersAndNonAsciiLikeJackson() {
        SplittableRandom random = new SplittableRandom(42);
        Map<String, String> sample = new DataCoGenerator(7).rows(1).next().asHeaderMap();
        for (int i = 0; i < 2_000; i++) {
            Map<String, String> row = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : sample.entrySet()) {
                row.put(entry.getKey(), mangle(entry.getValue(), random));
            }
            row.put(mangle("Extra \"column\"", random), mangle("x", random));
            assertSameAsJackson(row);
        }
    }

    @Test
    void encodesEveryCharCodeLikeJackson() {
        Map<String, String> row = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            all.append(c);
            if (all.length() == 4_096) {
                row.put("chars " + row.size(), all.toString());
                all.setLength(0);
            }
        }
        row.put("rest", all.toString());
        row.put(SPECIAL, SPECIAL);
        assertSameAsJackson(row);
    }

    @Test
    void encodesEmptyRowsNullValuesAndLongValuesLikeJackson() {
        assertSameAsJackson(Map.of());
        Map<String, String> row = new LinkedHashMap<>();
        row.put("absent", null);
        row.put("", "");
        row.put("long", "é\"".repeat(50_000));
        assertSameAsJackson(row);
        assertSameAsJackson(row);
    }

    private void assertSameAsJackson(Map<String, String> row) {
        assertThat(new String(encoder.encode(row), java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(jackson(row), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static String mangle(String value, SplittableRandom random) {
        List<Character> chars = new ArrayList<>();
        for (char c : value.toCharArray()) {
            chars.add(c);
        }
        int inserts = random.nextInt(4);
        for (int i = 0; i < inserts; i++) {
            chars.add(random.nextInt(chars.size() + 1), SPECIAL.charAt(random.nextInt(SPECIAL.length())));
        }
        StringBuilder out = new StringBuilder();
        chars.forEach(out::append);
        return out.toString();
    }

    /** The encoding before {@link RowEncoder} wrote bytes itself. */
    private static byte[] jackson(Map<String, String> values) {
        ByteArrayBuilder buffer = new ByteArrayBuilder(4096);
        try (JsonGenerator json = new JsonFactory().createGenerator(buffer, JsonEncoding.UTF8)) {
            json.writeStartObject();
            for (Map.Entry<String, String> entry : values.entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return buffer.toByteArray();
    }
}
