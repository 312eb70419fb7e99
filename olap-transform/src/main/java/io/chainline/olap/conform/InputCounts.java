package io.chainline.olap.conform;

/**
 * What became of the raw rows of one build; {@code rawRows = replaysDropped + superseded + rejected + conformed}.
 *
 * @param rawRows rows read from the raw files
 * @param replaysDropped exact replays of a Kafka record already read
 * @param superseded older versions of an order item replaced by a later record
 * @param rejected latest versions that could not be conformed
 * @param conformed rows conformed, one per order item: the fact's input
 * @param distinctOrderItems distinct order item ids among the conformed rows
 */
public record InputCounts(
        long rawRows, long replaysDropped, long superseded, long rejected, long conformed, long distinctOrderItems) {}
