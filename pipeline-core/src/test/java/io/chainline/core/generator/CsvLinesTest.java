package io.chainline.core.generator;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLinesTest {
    @Test
    void quotesOnlyFieldsThatNeedIt() {
        StringBuilder line = new StringBuilder();
        CsvLines.appendRecord(line, List.of("plain", "trailing ", "", "a,b", "say \"hi\"", "two\nlines", "cr\r"));

        assertThat(line.toString()).isEqualTo("plain,trailing ,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\"\n");
    }

    @Test
    void quotedFieldsReadBack() {
        List<String> fields = List.of("a,b", "say \"hi\"", "two\nlines", "Smart watch ", "");
        StringBuilder line = new StringBuilder();
        CsvLines.appendRecord(line, fields);

        assertThat(CsvText.parse(line.toString())).containsExactly(fields);
    }
}
