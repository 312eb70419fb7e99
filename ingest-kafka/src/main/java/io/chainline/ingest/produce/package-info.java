/**
 * The {@code stream-data} stage: validated rows, dead letters and input positions sent in Kafka transactions, so
 * that every row reaches the topic exactly once even when the process is killed.
 */
package io.chainline.ingest.produce;
