package io.chainline.benchmarks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The final summary line of Kafka's {@code ProducerPerformance} (3.9):
 * {@code "N records sent, X records/sec (Y MB/sec), A ms avg latency, M ms max latency, P50 ms 50th, ..."}.
 * The progress lines it prints every 5 s have the same start but no percentiles, so they never match.
 *
 * @param records the records sent (acknowledged without error)
 * @param recordsPerSecond the tool's rate
 * @param mbPerSecond the tool's payload rate in MiB/s
 * @param avgLatencyMs the mean send latency
 */
record ToolSummary(long records, double recordsPerSecond, double mbPerSecond, double avgLatencyMs) {
    private static final String NUMBER = "([0-9]+(?:[.,][0-9]+)?)";
    private static final Pattern TOTAL = Pattern.compile(
            "^([0-9]+) records sent, " + NUMBER + " records/sec \\(" + NUMBER + " MB/sec\\), " + NUMBER
                    + " ms avg latency, .* ms 99\\.9th\\.$",
            Pattern.MULTILINE);

    /**
     * The last summary line in {@code output}.
     *
     * @throws IllegalArgumentException when the output holds no summary line
     */
    static ToolSummary parse(String output) {
        requireNonNull(output, "output is null");
        Matcher matcher = TOTAL.matcher(output.replace("\r", ""));
        ToolSummary last = null;
        while (matcher.find()) {
            last = new ToolSummary(
                    Long.parseLong(matcher.group(1)),
                    decimal(matcher.group(2)),
                    decimal(matcher.group(3)),
                    decimal(matcher.group(4)));
        }
        if (last == null) {
            throw new IllegalArgumentException("ProducerPerformance printed no summary line (\"N records sent, X"
                    + " records/sec (Y MB/sec), ... ms 99.9th.\"); its output was:\n" + output);
        }
        return last;
    }

    /** The tool prints with the default locale, whose decimal separator may be a comma. */
    private static double decimal(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }
}
