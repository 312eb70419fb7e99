package io.chainline.sinks.dlq;

/**
 * What a replay did.
 *
 * @param replayed dead letters sent back to the topic
 * @param alreadyReplayed dead letters a previous replay sent already (never sent twice)
 * @param notSelected dead letters whose reason did not match the filter
 * @param notReplayable dead letters without a row to send (a CSV record that could not be split into columns;
 *     fix the file and ingest it again)
 */
public record ReplayResult(long replayed, long alreadyReplayed, long notSelected, long notReplayable) {}
