/**
 * A real Kafka broker in KRaft mode (combined broker and controller, no ZooKeeper) run in-process, for local
 * runs and tests: {@link io.chainline.embedded.kafka.EmbeddedKafka}.
 */
package io.chainline.embedded.kafka;
