package io.chainline.sinks.spi;

/**
 * What a sink did in a run.
 *
 * @param rows records stored (not counting records already stored before, which a replay skips)
 * @param skipped records received that were already stored (replays after a restart)
 * @param files files published (0 for a table)
 * @param bytes bytes written
 * @param busyNanos time spent writing and flushing
 */
public record SinkStats(long rows, long skipped, long files, long bytes, long busyNanos) {}
