package io.chainline.ingest.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CsvRecordParserTest {

    /** A record as the parser saw it. */
    private record Parsed(long line, List<String> fields, String raw, boolean unterminated) {}

    private record Read(long line, List<String> fields, String raw, boolean oversized) {}

    @Test
    void splitsUnquotedFields() throws IOException {
        assertThat(parse("a,b,c\nd,e,f\n"))
                .containsExactly(
                        new Parsed(1, List.of("a", "b", "c"), "a,b,c", false),
                        new Parsed(2, List.of("d", "e", "f"), "d,e,f", false));
    }

    @Test
    void keepsEmptyFieldsAndSurroundingSpaces() throws IOException {
        assertThat(parse(",, x ,\n").get(0).fields()).containsExactly("", "", " x ", "");
        assertThat(parse("\"\",a,\"\"\n").get(0).fields()).containsExactly("", "a", "");
    }

    @Test
    void quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() throws IOException {
        String text = "\"a,b\",\"say \"\"hi\"\"\",\"one\ntwo\",\"three\r\nfour\"\nnext,x,y,z\n";

        List<Parsed> records = parse(text);

        assertThat(records.get(0).fields()).containsExactly("a,b", "say \"hi\"", "one\ntwo", "three\r\nfour");
        assertThat(records.get(0).raw()).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"one\ntwo\",\"three\r\nfour\"");
        assertThat(records.get(0).line()).isEqualTo(1);
        assertThat(records.get(1)).isEqualTo(new Parsed(4, List.of("next", "x", "y", "z"), "next,x,y,z", false));
    }

    @Test
    void crlfEndsARecordAndALoneCrIsData() throws IOException {
        assertThat(parse("a,b\r\nc\rd,e\r\n"))
                .containsExactly(
                        new Parsed(1, List.of("a", "b"), "a,b", false),
                        new Parsed(2, List.of("c\rd", "e"), "c\rd,e", false));
    }

    @Test
    void theLastRecordMayLackANewline() throws IOException {
        assertThat(parse("a,b\nc,d")).extracting(Parsed::fields).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(parse("a,\"b\"")).extracting(Parsed::fields).containsExactly(List.of("a", "b"));
        assertThat(parse("a,")).extracting(Parsed::fields).containsExactly(List.of("a", ""));
    }

    @Test
    void emptyLinesAreSkippedButCounted() throws IOException {
        assertThat(parse("\na,b\n\r\n\nc,d\n\n"))
                .extracting(Parsed::line, Parsed::fields)
                .containsExactly(tuple(2L, List.of("a", "b")), tuple(5L, List.of("c", "d")));
        assertThat(parse("")).isEmpty();
        assertThat(parse("\n\r\n")).isEmpty();
    }

    @Test
    void linesOfOnlySpacesAndTabsAreBlankButAQuotedBlankFieldIsARecord() throws IOException {
        assertThat(parse("a,b\n   \n\t \r\nc,d\n\"  \"\n"))
                .extracting(Parsed::line, Parsed::fields)
                .containsExactly(tuple(1L, List.of("a", "b")), tuple(4L, List.of("c", "d")), tuple(5L, List.of("  ")));
        assertThat(parse("  \n\t\n")).isEmpty();
    }

    @Test
    void anUnterminatedQuoteCostsItsFirstLineAndTheLinesAfterItAreRecordsAgain() throws IOException {
        assertThat(parse("a,b\nc,\"d\ne,f\n"))
                .containsExactly(
                        new Parsed(1, List.of("a", "b"), "a,b", false),
                        new Parsed(2, List.of(), "c,\"d", true),
                        new Parsed(3, List.of("e", "f"), "e,f", false));
        assertThat(parse("a,b\nc,\"d"))
                .containsExactly(
                        new Parsed(1, List.of("a", "b"), "a,b", false), new Parsed(2, List.of(), "c,\"d", true));
    }

    @Test
    void quotesInsideOrAfterAFieldAreKeptAsData() throws IOException {
        assertThat(parse("ab\"c,\"d\"e,f\n").get(0).fields()).containsExactly("ab\"c", "de", "f");
    }

    @Test
    void recordsLongerThanTheReadBufferAreWhole() throws IOException {
        String plain = "p".repeat(200_000);
        String quoted = "q\"".repeat(50_000);
        String quotedField = "\"" + quoted.replace("\"", "\"\"") + "\"";
        String text = plain + "," + quotedField + ",\r\n" + "x\r\n";

        List<Parsed> records = parse(text);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).fields()).containsExactly(plain, quoted, "");
        assertThat(records.get(0).raw()).isEqualTo(plain + "," + quotedField + ",");
        assertThat(records.get(1)).isEqualTo(new Parsed(2, List.of("x"), "x", false));
    }

    @Test
    void skippingRecordsKeepsLineNumbers() throws IOException {
        try (CsvRecordParser parser = new CsvRecordParser(new StringReader("a\n\"b\nc\"\n\nd\n"), 1 << 20)) {
            assertThat(parser.next()).isTrue();
            assertThat(parser.next()).isTrue();
            assertThat(parser.next()).isTrue();
            assertThat(parser.line()).isEqualTo(5);
            assertThat(parser.field(0)).isEqualTo("d");
            assertThat(parser.next()).isFalse();
            assertThat(parser.next()).isFalse();
        }
    }

    @Test
    void aRecordLongerThanTheLimitEndsAtTheEndOfItsLineAndTheNextLineIsARecord() throws IOException {
        String text = "a,b\n" + "x".repeat(100) + ",y\r\nc,d\n";

        try (CsvRecordParser parser = new CsvRecordParser(new StringReader(text), 16)) {
            assertThat(parser.next()).isTrue();
            assertThat(parser.oversized()).isFalse();
            assertThat(parser.next()).isTrue();
            assertThat(parser.oversized()).isTrue();
            assertThat(parser.line()).isEqualTo(2);
            assertThat(parser.fieldCount()).isZero();
            assertThat(parser.raw()).isEqualTo("x".repeat(16));
            assertThat(parser.next()).isTrue();
            assertThat(parser.oversized()).isFalse();
            assertThat(parser.line()).isEqualTo(3);
            assertThat(parser.field(1)).isEqualTo("d");
            assertThat(parser.next()).isFalse();
        }
    }

    @Test
    void aRunawayQuotedFieldCostsOneRowNotTheRestOfTheFile() throws IOException {
        String text = "a,b\n\"never closed,1\r\nc,d\n\"e\",f\n" + "g,h\n".repeat(10);

        List<Read> records = new ArrayList<>();
        try (CsvRecordParser parser = new CsvRecordParser(new StringReader(text), 24)) {
            while (parser.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < parser.fieldCount(); i++) {
                    fields.add(parser.field(i));
                }
                records.add(new Read(parser.line(), fields, parser.raw(), parser.oversized()));
            }
        }

        assertThat(records).hasSize(14);
        assertThat(records.get(1)).isEqualTo(new Read(2, List.of(), "\"never closed,1", true));
        assertThat(records.get(2)).isEqualTo(new Read(3, List.of("c", "d"), "c,d", false));
        assertThat(records.get(3)).isEqualTo(new Read(4, List.of("e", "f"), "\"e\",f", false));
        assertThat(records.get(13)).isEqualTo(new Read(14, List.of("g", "h"), "g,h", false));
    }

    @Test
    void aMultiGigabyteLineIsOneOversizedRecordReadInBoundedMemory() throws IOException {
        long length = 3L * 1024 * 1024 * 1024;
        Reader huge = new SequenceReader(new RepeatReader('x', length), new StringReader("\nc,d\n"));

        try (CsvRecordParser parser = new CsvRecordParser(huge, 128 * 1024)) {
            assertThat(parser.next()).isTrue();
            assertThat(parser.oversized()).isTrue();
            assertThat(parser.raw()).hasSize(128 * 1024);
            assertThat(parser.next()).isTrue();
            assertThat(parser.line()).isEqualTo(2);
            assertThat(parser.field(0)).isEqualTo("c");
        }
    }

    /** {@code length} times one character, generated as it is read. */
    private static final class RepeatReader extends Reader {
        private final char c;
        private long left;

        RepeatReader(char c, long length) {
            this.c = c;
            this.left = length;
        }

        @Override
        public int read(char[] target, int offset, int count) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(count, left);
            Arrays.fill(target, offset, offset + n, c);
            left -= n;
            return n;
        }

        @Override
        public void close() {}
    }

    /** One reader after the other. */
    private static final class SequenceReader extends Reader {
        private final Reader first;
        private final Reader second;
        private boolean firstDone;

        SequenceReader(Reader first, Reader second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public int read(char[] target, int offset, int count) throws IOException {
            if (!firstDone) {
                int n = first.read(target, offset, count);
                if (n >= 0) {
                    return n;
                }
                firstDone = true;
            }
            return second.read(target, offset, count);
        }

        @Override
        public void close() throws IOException {
            first.close();
            second.close();
        }
    }

    private static List<Parsed> parse(String text) throws IOException {
        List<Parsed> records = new ArrayList<>();
        try (CsvRecordParser parser = new CsvRecordParser(new StringReader(text), 1 << 20)) {
            while (parser.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < parser.fieldCount(); i++) {
                    fields.add(parser.field(i));
                }
                records.add(new Parsed(parser.line(), fields, parser.raw(), parser.unterminated()));
            }
        }
        return records;
    }
}
