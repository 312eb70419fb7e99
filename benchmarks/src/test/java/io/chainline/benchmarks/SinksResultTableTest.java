package io.chainline.benchmarks;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SinksResultTableTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void judgesEveryTargetOnTheWorstSize() {
        // Rates: bronze 27,000 and 25,000 rows/s; COPY 28,000; insert 10,000; raw 60,000; tool 100,000 rows/s.
        SinksResult small = result(1_000, 27_000, 300, 400);
        SinksResult large = result(10_000, 25_000, 330, 800);

        assertThat(SinksResultTable.verdicts(List.of(small, large)))
                .containsExactly(
                        "TARGET MISSED: bronze / plain COPY (a/d): lowest 0.89 < 0.9",
                        "TARGET MET: bronze / batch insert (a/e): lowest 2.50 >= 1.3",
                        "TARGET MET: raw (zstandard) / ConsumerPerformance (b/f): lowest 0.60 >= 0.5",
                        "TARGET MISSED: peak heap of a, b, c at 10,000 rows / at 1,000 rows: highest 2.00 > 1.5");
    }

    @Test
    void leavesTheHeapTargetUnjudgedForOneSize() {
        List<String> verdicts = SinksResultTable.verdicts(List.of(result(1_000, 28_000, 300, 300)));

        assertThat(verdicts)
                .startsWith("TARGET MET: bronze / plain COPY (a/d): lowest 1.00 >= 0.9")
                .endsWith("TARGET NOT JUDGED: peak heap not growing with N (needs two sizes)");
    }

    @Test
    void rendersBothTablesWithTheRatios() {
        String table = SinksResultTable.render(List.of(result(1_000, 28_000, 300, 300)));

        assertThat(table)
                .contains("| 1,000 | 28,000 | 60,000 | 20,000 | 28,000 | 10,000 | 100,000 (110,000) | 1.00"
                        + " | 2.80 | 0.60 | 0.71 |");
        assertThat(table).contains("| 1,000 | 0.0 | 0.0 | 0.1 | 0.0 | 0.1 | 12 | 300 | 300 | 300 | 50 |");
    }

    private static SinksResult result(long rows, double bronzeRate, long bronzeHeapMb, long bothHeapMb) {
        return new SinksResult(
                rows,
                timed(rows, bronzeRate, bronzeHeapMb),
                timed(rows, 60_000, 300),
                timed(rows, 20_000, bothHeapMb),
                timed(rows, 28_000, 0),
                timed(rows, 10_000, 0),
                new ConsumerPerfRun.Result(new ConsumerPerfSummary(12, rows, 100_000, 10, 100, 110_000), 50 * MIB));
    }

    private static TimedRows timed(long rows, double rate, long heapMb) {
        return new TimedRows(rows, Duration.ofNanos(Math.round(rows / rate * 1e9)), heapMb * MIB);
    }
}
