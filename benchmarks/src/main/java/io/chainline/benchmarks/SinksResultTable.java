package io.chainline.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/** Renders {@link SinksBenchmark}'s results as Markdown tables, the machine and one verdict line per target. */
final class SinksResultTable {
    /** a/d must reach this. */
    static final double BRONZE_TO_COPY = 0.9;
    /** a/e must reach this. */
    static final double BRONZE_TO_INSERT = 1.3;
    /** b/f must reach this. */
    static final double RAW_TO_TOOL = 0.5;
    /** The peak heap of the largest size may exceed the smallest's by this factor at most (GC sizing noise). */
    static final double HEAP_GROWTH = 1.5;

    private static final double MIB = 1024.0 * 1024.0;

    private SinksResultTable() {}

    /** The rates table, the peak heap table, the machine and the verdicts. */
    static String render(List<SinksResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(
                "| rows | a) bronze rows/s | b) raw rows/s | c) both rows/s | d) COPY rows/s | e) batch insert rows/s"
                        + " | f) ConsumerPerformance rows/s (fetch only) | a/d | a/e | b/f | c/d |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SinksResult r : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %,d | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f (%,.0f) | %.2f | %.2f | %.2f | %.2f |%n",
                    r.rows(),
                    r.bronze().rowsPerSecond(),
                    r.raw().rowsPerSecond(),
                    r.both().rowsPerSecond(),
                    r.copy().rowsPerSecond(),
                    r.insert().rowsPerSecond(),
                    r.tool().summary().messagesPerSecond(),
                    r.tool().summary().fetchMessagesPerSecond(),
                    r.bronzeToCopy(),
                    r.bronzeToInsert(),
                    r.rawToTool(),
                    r.bothToCopy()));
        }
        out.append('\n');
        out.append("| rows | a) s | b) s | c) s | d) s | e) s | f) MB read | a) peak heap MB | b) peak heap MB"
                + " | c) peak heap MB | f) peak heap MB |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SinksResult r : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %,.0f | %,.0f | %,.0f" + " | %,.0f | %,.0f |%n",
                    r.rows(),
                    seconds(r.bronze()),
                    seconds(r.raw()),
                    seconds(r.both()),
                    seconds(r.copy()),
                    seconds(r.insert()),
                    r.tool().summary().megabytes(),
                    r.bronze().peakHeapBytes() / MIB,
                    r.raw().peakHeapBytes() / MIB,
                    r.both().peakHeapBytes() / MIB,
                    r.tool().peakHeapBytes() / MIB));
        }
        out.append('\n').append(ResultTable.machine()).append('\n');
        verdicts(results).forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    /** One line per target, {@code TARGET MET ...} or {@code TARGET MISSED ...}, judged on the worst size. */
    static List<String> verdicts(List<SinksResult> results) {
        List<String> lines = new ArrayList<>();
        lines.add(ratio("bronze / plain COPY (a/d)", results, SinksResult::bronzeToCopy, BRONZE_TO_COPY));
        lines.add(ratio("bronze / batch insert (a/e)", results, SinksResult::bronzeToInsert, BRONZE_TO_INSERT));
        lines.add(ratio("raw (zstandard) / ConsumerPerformance (b/f)", results, SinksResult::rawToTool, RAW_TO_TOOL));
        if (results.size() < 2) {
            lines.add("TARGET NOT JUDGED: peak heap not growing with N (needs two sizes)");
            return lines;
        }
        SinksResult small = results.stream()
                .min(Comparator.comparingLong(SinksResult::rows))
                .orElseThrow();
        SinksResult large = results.stream()
                .max(Comparator.comparingLong(SinksResult::rows))
                .orElseThrow();
        double growth = Math.max(
                growth(small, large, r -> r.bronze().peakHeapBytes()),
                Math.max(
                        growth(small, large, r -> r.raw().peakHeapBytes()),
                        growth(small, large, r -> r.both().peakHeapBytes())));
        String what = String.format(
                Locale.ROOT, "peak heap of a, b, c at %,d rows / at %,d rows", large.rows(), small.rows());
        lines.add(
                growth <= HEAP_GROWTH
                        ? String.format(Locale.ROOT, "TARGET MET: %s: highest %.2f <= %.1f", what, growth, HEAP_GROWTH)
                        : String.format(
                                Locale.ROOT, "TARGET MISSED: %s: highest %.2f > %.1f", what, growth, HEAP_GROWTH));
        return lines;
    }

    private static String ratio(
            String what, List<SinksResult> results, ToDoubleFunction<SinksResult> ratio, double target) {
        double worst = results.stream().mapToDouble(ratio).min().orElse(0);
        return worst >= target
                ? String.format(Locale.ROOT, "TARGET MET: %s: lowest %.2f >= %.1f", what, worst, target)
                : String.format(Locale.ROOT, "TARGET MISSED: %s: lowest %.2f < %.1f", what, worst, target);
    }

    private static double growth(SinksResult small, SinksResult large, ToLongFunction<SinksResult> peak) {
        return (double) peak.applyAsLong(large) / peak.applyAsLong(small);
    }

    private static double seconds(TimedRows run) {
        return run.elapsed().toMillis() / 1000.0;
    }
}
