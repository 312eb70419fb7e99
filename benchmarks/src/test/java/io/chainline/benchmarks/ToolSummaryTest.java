package io.chainline.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolSummaryTest {

    @Test
    void parsesTheFinalSummaryAndIgnoresProgressLines() {
        String output = """
                Reading payloads from: /tmp/p.jsonl
                Number of messages read: 20000
                90001 records sent, 18000.2 records/sec (26.80 MB/sec), 95.1 ms avg latency, 300.0 ms max latency.
                180519 records sent, 54347.826087 records/sec (80.94 MB/sec), 103.97 ms avg latency, 197.00 ms max \
                latency, 77 ms 50th, 190 ms 95th, 193 ms 99th, 196 ms 99.9th.
                """;

        assertThat(ToolSummary.parse(output)).isEqualTo(new ToolSummary(180_519, 54347.826087, 80.94, 103.97));
    }

    @Test
    void acceptsCommaDecimalsOfOtherLocales() {
        String output = "10 records sent, 5,500000 records/sec (0,01 MB/sec), 1,50 ms avg latency, 2,00 ms max latency,"
                + " 1 ms 50th, 2 ms 95th, 2 ms 99th, 2 ms 99.9th.\n";

        assertThat(ToolSummary.parse(output)).isEqualTo(new ToolSummary(10, 5.5, 0.01, 1.5));
    }

    @Test
    void rejectsOutputWithoutSummary() {
        assertThatThrownBy(() -> ToolSummary.parse("5 records sent, 1.0 records/sec (0.00 MB/sec), 1.0 ms avg latency,"
                        + " 1.0 ms max latency.\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ProducerPerformance printed no summary line");
    }
}
