/** The {@code consume} stage: Kafka to every raw sink, committing only what all sinks made durable. */
package io.chainline.sinks.consume;
