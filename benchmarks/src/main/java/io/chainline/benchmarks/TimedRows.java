package io.chainline.benchmarks;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * One measured run: the rows it stored or read, the time it took and the summed peak of the heap pools during it.
 *
 * @param rows the rows stored or read
 * @param elapsed the measured time
 * @param peakHeapBytes the heap's peak during the run; 0 when not measured
 */
record TimedRows(long rows, Duration elapsed, long peakHeapBytes) {

    TimedRows {
        requireNonNull(elapsed, "elapsed is null");
    }

    /** Rows per second of {@link #elapsed()}. */
    double rowsPerSecond() {
        return rows / (elapsed.toNanos() / 1e9);
    }
}
