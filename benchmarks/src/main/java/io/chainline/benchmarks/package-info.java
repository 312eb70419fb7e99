/**
 * Benchmarks run by hand, never by the build: {@link io.chainline.benchmarks.IngestBenchmark} measures the CSV
 * ingest against Kafka's own {@code ProducerPerformance} tool on one in-process broker;
 * {@link io.chainline.benchmarks.SinksBenchmark} measures the consume stage's bronze and raw sinks against a plain
 * {@code COPY}, batched JDBC inserts and Kafka's {@code ConsumerPerformance} (see docs/benchmarks.md).
 */
package io.chainline.benchmarks;
