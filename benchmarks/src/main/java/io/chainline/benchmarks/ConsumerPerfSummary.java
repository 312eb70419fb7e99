package io.chainline.benchmarks;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The result line of Kafka's {@code ConsumerPerformance} (3.9) without {@code --show-detailed-stats}: ten fields
 * separated by {@code ", "} under the header {@code start.time, end.time, data.consumed.in.MB, MB.sec,
 * data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec}. The overall
 * rates count from before the group join to the last record; the fetch rates leave the join time out.
 *
 * @param megabytes the key and value bytes read, in MiB
 * @param messages the records read
 * @param messagesPerSecond records per second of the whole run, group join included
 * @param rebalanceMs the time spent joining the group
 * @param fetchMs the run's time without the join
 * @param fetchMessagesPerSecond records per second of {@code fetchMs}
 */
record ConsumerPerfSummary(
        double megabytes,
        long messages,
        double messagesPerSecond,
        long rebalanceMs,
        long fetchMs,
        double fetchMessagesPerSecond) {
    private static final String DECIMAL = "-?[0-9]+(?:[.,][0-9]+)?|NaN|-?Infinity";
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
    private static final Pattern NUMBER = Pattern.compile(DECIMAL);
    private static final int FIELDS = 10;

    /**
     * The last result line in {@code output}: the header and any {@code WARNING} lines are skipped.
     *
     * @throws IllegalArgumentException when the output holds no result line
     */
    static ConsumerPerfSummary parse(String output) {
        requireNonNull(output, "output is null");
        ConsumerPerfSummary last = null;
        for (String line : output.replace("\r", "").split("\n")) {
            // A decimal comma (other locales) is never followed by a space, so ", " still separates the fields.
            String[] fields = line.trim().split(", ");
            if (fields.length == FIELDS
                    && WHOLE.matcher(fields[4]).matches()
                    && WHOLE.matcher(fields[6]).matches()
                    && WHOLE.matcher(fields[7]).matches()
                    && NUMBER.matcher(fields[2]).matches()
                    && NUMBER.matcher(fields[5]).matches()
                    && NUMBER.matcher(fields[9]).matches()) {
                last = new ConsumerPerfSummary(
                        decimal(fields[2]),
                        Long.parseLong(fields[4]),
                        decimal(fields[5]),
                        Long.parseLong(fields[6]),
                        Long.parseLong(fields[7]),
                        decimal(fields[9]));
            }
        }
        if (last == null) {
            throw new IllegalArgumentException("ConsumerPerformance printed no result line (ten fields: start.time,"
                    + " end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,"
                    + " fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec); its output was:\n" + output);
        }
        return last;
    }

    private static double decimal(String text) {
        return WHOLE.matcher(text).matches() || text.matches("-?[0-9]+[.,][0-9]+")
                ? Double.parseDouble(text.replace(',', '.'))
                : Double.NaN;
    }
}
