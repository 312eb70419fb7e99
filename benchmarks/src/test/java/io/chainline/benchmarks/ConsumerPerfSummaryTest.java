package io.chainline.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumerPerfSummaryTest {

    @Test
    void parsesTheResultLineUnderTheHeader() {
        String output = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, \
                rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-25 14:20:01:123, 2026-11-25 14:20:03:623, 296.1234, 118.4494, 180519, 72207.6000, 312, \
                2188, 135.3398, 82504.1133
                """;

        assertThat(ConsumerPerfSummary.parse(output))
                .isEqualTo(new ConsumerPerfSummary(296.1234, 180_519, 72207.6, 312, 2188, 82504.1133));
    }

    @Test
    void acceptsCommaDecimalsAndSkipsWarnings() {
        String output = "WARNING: Exiting before consuming the expected number of messages: timeout (60000 ms)"
                + " exceeded. You can use the --timeout option to increase the timeout.\n"
                + "2026-11-25 14:20:01:123, 2026-11-25 14:20:03:623, 1,5000, 0,6000, 10, 4,0000, 0, 2500, 0,6000,"
                + " 4,0000\n";

        assertThat(ConsumerPerfSummary.parse(output)).isEqualTo(new ConsumerPerfSummary(1.5, 10, 4.0, 0, 2500, 4.0));
    }

    @Test
    void readsRatesOfAnEmptyRunAsNotANumber() {
        String output = "2026-11-25 14:20:01:123, 2026-11-25 14:20:01:123, 0.0000, NaN, 0, NaN, 0, 0, NaN, NaN\n";

        ConsumerPerfSummary summary = ConsumerPerfSummary.parse(output);

        assertThat(summary.messages()).isZero();
        assertThat(summary.messagesPerSecond()).isNaN();
    }

    @Test
    void rejectsOutputWithoutResultLine() {
        assertThatThrownBy(
                        () -> ConsumerPerfSummary.parse(
                                "start.time, end.time, data.consumed.in.MB, MB.sec,"
                                        + " data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ConsumerPerformance printed no result line");
    }
}
