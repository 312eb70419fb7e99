/**
 * Benchmarks run by hand, never by the build: {@link io.chainline.benchmarks.IngestBenchmark} measures the CSV
 * ingest against Kafka's own {@code ProducerPerformance} tool on one in-process broker (see docs/benchmarks.md).
 */
package io.chainline.benchmarks;
