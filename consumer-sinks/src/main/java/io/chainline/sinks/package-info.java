/** Draining the Kafka topic into the PostgreSQL bronze table and the object store's raw files. */
package io.chainline.sinks;
