package io.chainline.runner.process;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessStartTicksTest {

    @Test
    void readsField22EvenWhenTheCommandNameHoldsSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 30 0 987654 1000 50";

        assertThat(ProcessStartTicks.parse(stat)).hasValue(987654);
    }

    @Test
    void aTruncatedLineHasNoStart() {
        assertThat(ProcessStartTicks.parse("4242 (java) S 1 2")).isEmpty();
        assertThat(ProcessStartTicks.parse("garbage")).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theCurrentProcessHasAStableStart() {
        OptionalLong first = ProcessStartTicks.of(ProcessHandle.current().pid());

        assertThat(first).isPresent();
        assertThat(ProcessStartTicks.of(ProcessHandle.current().pid())).isEqualTo(first);
    }

    @Test
    void aRecordWhoseTicksDifferIsStaleEvenWhenTheInstantMatches() {
        ProcessHandle self = ProcessHandle.current();
        long ticks = ProcessStartTicks.of(self.pid()).orElse(-1);
        ServiceRecord other = new ServiceRecord(
                "kafka",
                self.pid(),
                "127.0.0.1:1",
                java.nio.file.Path.of("k.log"),
                java.time.Instant.now(),
                self.info().startInstant().orElse(null),
                ticks + 1);
        ServiceRecord same = new ServiceRecord(
                "kafka",
                self.pid(),
                "127.0.0.1:1",
                java.nio.file.Path.of("k.log"),
                java.time.Instant.now(),
                java.time.Instant.EPOCH,
                ticks);

        if (ticks >= 0) {
            assertThat(ProcessLiveness.isAlive(other)).isFalse();
            assertThat(ProcessLiveness.isAlive(same))
                    .as("ticks decide, not a stepped wall clock")
                    .isTrue();
        }
    }
}
