package io.chainline.core.kafka;

import java.util.Properties;

/**
 * Where the Kafka cluster of this run is. With {@code chainline.kafka.bootstrap = embedded} the runner answers
 * with the broker that {@code chainline start-kafka} runs, or one it starts for the command; otherwise with the
 * configured servers. Stages and their factories ask for it only when they connect.
 */
public interface KafkaEndpoint {

    /** The bootstrap servers, {@code host:port[,host:port…]}. */
    String bootstrapServers();

    /**
     * The properties every client starts from: the bootstrap servers plus {@code chainline.kafka.client}
     * (TLS, SASL), to which the caller adds its own.
     */
    Properties clientProperties();
}
