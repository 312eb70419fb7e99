package io.chainline.sinks.consume;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.testkit.ChildJvm;
import io.chainline.testkit.EmbeddedServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer killed with SIGKILL in the middle of a batch (the sinks wrote it, its offsets are not committed),
 * again at another batch, and once at an arbitrary moment, then run to the end: both sinks hold every row once.
 */
class ConsumeKillIT {
    private static final int ROWS = 5_000;

    @RegisterExtension
    static final EmbeddedServices services = EmbeddedServices.kafka().withPostgres();

    @TempDir
    Path dir;

    @Test
    void aConsumerKilledThreeTimesStoresEveryRowOnceInBothSinks() throws Exception {
        SinksHarness harness = new SinksHarness(
                services.bootstrapServers(), services.postgres().jdbcUrl(), dir, "killed", SinksHarness.FAST_REBALANCE);
        harness.produce(0, ROWS);

        String first = child(3, line -> line.startsWith("PAUSED"));
        String second = child(2, line -> line.startsWith("PAUSED"));
        String third = child(-1, line -> line.startsWith("BATCH"));
        String last = child(-1, line -> false);

        assertThat(first).contains("PAUSED 3");
        assertThat(second).contains("PAUSED 2");
        assertThat(third).doesNotContain("DONE");
        assertThat(last).contains("SUCCEEDED");
        assertThat(harness.bronze()).hasSize(ROWS);
        assertThat(harness.rawFiles()).hasSize(ROWS);
    }

    private String child(long pauseAt, Predicate<String> killWhen) throws Exception {
        List<String> args = List.of(
                services.bootstrapServers(),
                services.postgres().jdbcUrl(),
                dir.toString(),
                "killed",
                Long.toString(pauseAt));
        return ChildJvm.of(ConsumeProcessMain.class, args)
                .errorLog(dir.resolve("child-" + System.nanoTime() + ".log"))
                .runUntil(killWhen);
    }
}
