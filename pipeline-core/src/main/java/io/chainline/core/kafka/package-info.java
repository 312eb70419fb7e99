/** The Kafka endpoint of a run, shared by the stages that produce and consume. */
package io.chainline.core.kafka;
