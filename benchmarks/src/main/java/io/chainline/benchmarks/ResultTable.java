package io.chainline.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/** Renders the results as a Markdown table with the machine and the verdict against the target ratio. */
final class ResultTable {
    /** Our rate must reach this share of the tool's. */
    static final double TARGET_RATIO = 0.9;

    private static final double MIB = 1024.0 * 1024.0;

    private ResultTable() {}

    /** The table, the machine and one verdict line ({@code TARGET MET} or {@code TARGET MISSED (x < 0.9)}). */
    static String render(List<SizeResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("| rows | ours rows/s | ours MB/s | tool rows/s | tool MB/s | ours/tool | ours peak heap MB"
                + " | tool peak heap MB | ours s | payload lines |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SizeResult r : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %,d | %,.0f | %.1f | %,.0f | %.1f | %.2f | %,.0f | %,.0f | %.1f | %,d |%n",
                    r.rows(),
                    r.oursRowsPerSecond(),
                    r.oursMbPerSecond(),
                    r.tool().summary().recordsPerSecond(),
                    r.tool().summary().mbPerSecond(),
                    r.ratio(),
                    r.ours().peakHeapBytes() / MIB,
                    r.tool().peakHeapBytes() / MIB,
                    r.ours().elapsed().toMillis() / 1000.0,
                    r.payloadLines()));
        }
        out.append('\n').append(machine()).append('\n');
        double worst = results.stream().mapToDouble(SizeResult::ratio).min().orElse(0);
        out.append(
                worst >= TARGET_RATIO
                        ? String.format(Locale.ROOT, "TARGET MET (lowest ratio %.2f >= %.1f)%n", worst, TARGET_RATIO)
                        : String.format(Locale.ROOT, "TARGET MISSED (%.2f < %.1f)%n", worst, TARGET_RATIO));
        return out.toString();
    }

    /** Cores, memory, JVM, maximum heap and OS of this machine. */
    static String machine() {
        long memory =
                ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                        ? os.getTotalMemorySize()
                        : -1;
        return String.format(
                Locale.ROOT,
                "Machine: %d cores, %.1f GiB memory, %s %s (max heap %,d MB), %s %s %s",
                Runtime.getRuntime().availableProcessors(),
                memory / MIB / 1024,
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                Math.round(Runtime.getRuntime().maxMemory() / MIB),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }
}
