package io.chainline.benchmarks;

import static java.util.Objects.requireNonNull;

/**
 * Both sides' results for one row count.
 *
 * @param rows the rows of the CSV file, and the records the tool sent
 * @param valueBytes the summed size of the JSON values our ingest wrote
 * @param payloadLines the values in the tool's payload file, which it picks from at random
 * @param ours our ingest's run
 * @param tool the tool's run
 */
record SizeResult(long rows, long valueBytes, long payloadLines, IngestRun.Result ours, ToolRun.Result tool) {
    private static final double MIB = 1024.0 * 1024.0;

    SizeResult {
        requireNonNull(ours, "ours is null");
        requireNonNull(tool, "tool is null");
    }

    /** Our rows per second: CSV rows read, validated and committed to Kafka per second of the stage. */
    double oursRowsPerSecond() {
        return rows / seconds();
    }

    /** Our JSON value bytes per second in MiB/s, the unit of the tool's "MB/sec". */
    double oursMbPerSecond() {
        return valueBytes / MIB / seconds();
    }

    /** Our rate divided by the tool's. */
    double ratio() {
        return oursRowsPerSecond() / tool.summary().recordsPerSecond();
    }

    private double seconds() {
        return ours.elapsed().toNanos() / 1e9;
    }
}
