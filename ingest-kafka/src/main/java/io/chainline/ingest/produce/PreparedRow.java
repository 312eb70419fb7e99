package io.chainline.ingest.produce;

import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One source row made ready to send: either a valid row's key and JSON value for the topic, or a dead letter and
 * its JSON for the dead-letter topic.
 *
 * @param key the record key (the trimmed {@code Order Item Id}), or null
 * @param value the record value
 * @param headers the record headers
 * @param deadLetter the rejected row, or null for a valid one
 * @param position the source position to commit once the row is durable
 */
record PreparedRow(String key, byte[] value, RecordHeaders headers, DeadLetter deadLetter, String position) {}
