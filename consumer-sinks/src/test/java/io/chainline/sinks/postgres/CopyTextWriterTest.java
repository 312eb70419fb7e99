package io.chainline.sinks.postgres;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyTextWriterTest {
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final List<Integer> chunks = new ArrayList<>();

    @Test
    void fieldsAreTabSeparatedRowsNewlineTerminatedAndNullIsBackslashN() throws SQLException {
        CopyTextWriter writer = started(64);

        writer.number(-42);
        writer.text("a b");
        writer.text(null);
        writer.nullField();
        writer.endRow();
        writer.number(Long.MAX_VALUE);
        writer.endRow();
        writer.flush();

        assertThat(sent()).isEqualTo("-42\ta b\t\\N\t\\N\n" + Long.MAX_VALUE + "\n");
        assertThat(writer.bytesWritten()).isEqualTo(sent.size());
    }

    @Test
    void backslashNewlineReturnAndTabAreEscapedAndUtf8PassesUnchanged() throws SQLException {
        CopyTextWriter writer = started(64);
        String json = "{\"City\": \"Ciudad de México\",\n\t\"path\": \"C:\\\\x\\r\"}\r";

        writer.utf8(json.getBytes(StandardCharsets.UTF_8));
        writer.endRow();
        writer.flush();

        assertThat(sent()).isEqualTo("{\"City\": \"Ciudad de México\",\\n\\t\"path\": \"C:\\\\\\\\x\\\\r\"}\\r\n");
    }

    @Test
    void valuesLargerThanTheBufferStreamThroughIt() throws SQLException {
        CopyTextWriter writer = started(64);
        String big = "é\\".repeat(100);

        writer.text(big);
        writer.endRow();
        writer.flush();

        assertThat(sent()).isEqualTo("é\\\\".repeat(100) + "\n");
        assertThat(chunks)
                .hasSizeGreaterThan(4)
                .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(64));
    }

    @Test
    void beginDropsWhatAnUnfinishedStreamLeft() throws SQLException {
        CopyTextWriter writer = started(64);
        writer.text("lost");

        writer.begin(this::collect);
        writer.text("kept");
        writer.endRow();
        writer.flush();

        assertThat(sent()).isEqualTo("kept\n");
        assertThat(writer.bytesWritten()).isEqualTo(5);
    }

    @Test
    void tinyBuffersAreRefused() {
        assertThatThrownBy(() -> new CopyTextWriter(8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bufferSize is 8, expected at least 64");
    }

    private CopyTextWriter started(int bufferSize) {
        CopyTextWriter writer = new CopyTextWriter(bufferSize);
        writer.begin(this::collect);
        return writer;
    }

    private void collect(byte[] bytes, int length) {
        sent.write(bytes, 0, length);
        chunks.add(length);
    }

    private String sent() {
        return sent.toString(StandardCharsets.UTF_8);
    }
}
