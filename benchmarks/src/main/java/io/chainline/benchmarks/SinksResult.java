package io.chainline.benchmarks;

import static java.util.Objects.requireNonNull;

/**
 * Every measurement of one row count.
 *
 * @param rows the records of the topic
 * @param bronze a) the consume stage with the bronze sink alone
 * @param raw b) the consume stage with the raw sink alone (zstandard Avro)
 * @param both c) the consume stage with both sinks, the real configuration
 * @param copy d) the limit: plain COPY of the same rows
 * @param insert e) the baseline: batched JDBC inserts of the same rows
 * @param tool f) the read limit: Kafka's ConsumerPerformance on the same topic
 */
record SinksResult(
        long rows,
        TimedRows bronze,
        TimedRows raw,
        TimedRows both,
        TimedRows copy,
        TimedRows insert,
        ConsumerPerfRun.Result tool) {

    SinksResult {
        requireNonNull(bronze, "bronze is null");
        requireNonNull(raw, "raw is null");
        requireNonNull(both, "both is null");
        requireNonNull(copy, "copy is null");
        requireNonNull(insert, "insert is null");
        requireNonNull(tool, "tool is null");
    }

    /** a/d: the bronze sink against plain COPY. */
    double bronzeToCopy() {
        return bronze.rowsPerSecond() / copy.rowsPerSecond();
    }

    /** a/e: the bronze sink against batched inserts. */
    double bronzeToInsert() {
        return bronze.rowsPerSecond() / insert.rowsPerSecond();
    }

    /** b/f: the raw sink against ConsumerPerformance's overall rate (group join included, as in ours). */
    double rawToTool() {
        return raw.rowsPerSecond() / tool.summary().messagesPerSecond();
    }

    /** c/d: both sinks together against plain COPY. */
    double bothToCopy() {
        return both.rowsPerSecond() / copy.rowsPerSecond();
    }
}
