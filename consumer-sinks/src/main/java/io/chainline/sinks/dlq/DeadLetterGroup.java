package io.chainline.sinks.dlq;

/**
 * Dead letters that share a reason and a source.
 *
 * @param reason why they were rejected
 * @param source where they came from: an input file or table, or {@code kafka:<topic>/<partition>}
 * @param count how many
 * @param replayed how many of them were replayed already
 */
public record DeadLetterGroup(String reason, String source, long count, long replayed) {}
