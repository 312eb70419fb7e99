package io.chainline.core.contract;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Rfc4180ReaderTest {
    @Test
    void readsPlainRecordsWithOrWithoutFinalLineBreak() {
        assertThat(Rfc4180Reader.parse("a,b\n1,2\n")).containsExactly(List.of("a", "b"), List.of("1", "2"));
        assertThat(Rfc4180Reader.parse("a,b\r\n1,2")).containsExactly(List.of("a", "b"), List.of("1", "2"));
    }

    @Test
    void keepsEmptyFieldsAndTrailingSpaces() {
        assertThat(Rfc4180Reader.parse(",x ,\n")).containsExactly(List.of("", "x ", ""));
    }

    @Test
    void readsQuotedFieldsWithCommasLineBreaksAndDoubledQuotes() {
        String text = "id,text\n1,\"a, b\"\n2,\"line one\nline two\"\n3,\"say \"\"hi\"\"\"\n4,\"\"\n";

        assertThat(Rfc4180Reader.parse(text))
                .containsExactly(
                        List.of("id", "text"),
                        List.of("1", "a, b"),
                        List.of("2", "line one\nline two"),
                        List.of("3", "say \"hi\""),
                        List.of("4", ""));
    }

    @Test
    void rejectsMalformedQuoting() {
        assertThatThrownBy(() -> Rfc4180Reader.parse("a,\"b\n"))
                .hasMessage("Malformed CSV: a quoted field is not closed at the end of the text");
        assertThatThrownBy(() -> Rfc4180Reader.parse("a,\"b\"c\n"))
                .hasMessage("Malformed CSV at offset 5: 'c' after a closing quote, expected ',' or a line break");
        assertThatThrownBy(() -> Rfc4180Reader.parse("a,b\"c\n"))
                .hasMessage("Malformed CSV at offset 3: a quote inside an unquoted field");
    }
}
