package io.chainline.sinks.consume;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordParserTest {
    private final RecordParser parser = new RecordParser();

    private RecordParser.Parsed parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNulCharacterIsPoisonNamingTheFieldButNotTheValue() {
        RecordParser.Parsed parsed = parse("{\"Order Item Id\":\"1\",\"Customer Fname\":\"Ma\\u0000ria\"}");

        assertThat(parsed.data()).isNull();
        assertThat(parsed.poison())
                .isEqualTo("field 'Customer Fname' holds a NUL character (U+0000), which no sink can store");
    }

    @Test
    void anUnpairedSurrogateIsPoisonWhereverItStands() {
        assertThat(parse("{\"Order Item Id\":\"1\",\"Customer Lname\":\"Sm\\uD800ith\"}")
                        .poison())
                .isEqualTo("field 'Customer Lname' holds an unpaired surrogate (U+D800), which no sink can store");
        assertThat(parse("{\"Order Item Id\":\"1\",\"Customer Lname\":\"Smith\\uDC00\"}")
                        .poison())
                .isEqualTo("field 'Customer Lname' holds an unpaired surrogate (U+DC00), which no sink can store");
        assertThat(parse("{\"Order Item Id\":\"1\",\"Customer Lname\":\"\\uD83D\"}")
                        .poison())
                .isEqualTo("field 'Customer Lname' holds an unpaired surrogate (U+D83D), which no sink can store");
        assertThat(parse("{\"Order Item Id\":\"1\",\"Na\\u0000me\":\"x\"}").poison())
                .isEqualTo("a field name holds a NUL character (U+0000), which no sink can store");
    }

    @Test
    void aSurrogatePairIsText() {
        RecordParser.Parsed parsed =
                parse("{\"Order Item Id\":\"1\",\"Product Name\":\"Box \\uD83D\\uDCE6 \uD83D\uDCE6\"}");

        assertThat(parsed.poison()).isNull();
        assertThat(parsed.data()).containsEntry("Product Name", "Box \uD83D\uDCE6 \uD83D\uDCE6");
    }

    @Test
    void bytesThatAreNotWellFormedUtf8ArePoisonNamingTheByte() {
        byte[] prefix = "{\"Order Item Id\":\"1\",\"Customer Fname\":\"".getBytes(StandardCharsets.UTF_8);
        // An encoded surrogate pair (CESU-8), an overlong NUL, a stray continuation byte, a cut-off sequence.
        for (byte[] bad : new byte[][] {
            {(byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB2, (byte) 0xA9},
            {(byte) 0xC0, (byte) 0x80},
            {(byte) 0x80},
            {(byte) 0xE2, (byte) 0x82}
        }) {
            byte[] value = new byte[prefix.length + bad.length + 2];
            System.arraycopy(prefix, 0, value, 0, prefix.length);
            System.arraycopy(bad, 0, value, prefix.length, bad.length);
            value[value.length - 2] = '"';
            value[value.length - 1] = '}';

            assertThat(parser.parse(value).poison())
                    .isEqualTo("the value is not UTF-8 text: byte " + prefix.length + " starts no valid character");
        }
        assertThat(parse("{\"Order Item Id\":\"1\",\"Order City\":\"São Paulo \u20AC \uD83D\uDCE6\"}")
                        .poison())
                .isNull();
    }

    @Test
    void aReasonNeverQuotesTheValue() {
        assertThat(parse("{\"Order Item Id\":\"1\",\"Customer Email\":jane.doe@example.com}")
                        .poison())
                .isEqualTo("the value is not JSON: malformed at line 1, column 44")
                .doesNotContain("jane");
        assertThat(parse("jane.doe@example.com").poison()).doesNotContain("jane");
        assertThat(parse("{\"Order Item Id\":\"1\",\"Customer Email\":\"jane").poison())
                .startsWith("the value is not JSON: it ends at line 1")
                .doesNotContain("jane");
    }
}
