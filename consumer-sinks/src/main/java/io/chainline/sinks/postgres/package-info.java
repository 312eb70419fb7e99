/**
 * The PostgreSQL bronze sink: {@link io.chainline.sinks.postgres.PostgresRawSink} lands every Kafka record in one
 * table keyed by (topic id, partition, offset), with the record value as {@code jsonb}. Each batch is copied into a
 * session-local staging table and inserted from there in one transaction, so a replayed record is skipped, never
 * stored twice.
 */
package io.chainline.sinks.postgres;
