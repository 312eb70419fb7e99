package io.chainline.olap.conform;

import java.util.List;

/**
 * Names of the Kafka coordinate columns that conformed rows carry next to the 52 contract columns (the raw record's
 * {@code metadata}); {@code dim_metadata} is built from them.
 */
public final class KafkaColumns {
    /** The Kafka record key (Order Item Id as text). */
    public static final String KEY = "kafka_key";
    /** The offset within the partition. */
    public static final String OFFSET = "kafka_offset";
    /** The partition. */
    public static final String PARTITION = "kafka_partition";
    /** The record timestamp, UTC. */
    public static final String TIME = "kafka_time";
    /** The topic name. */
    public static final String TOPIC = "kafka_topic";
    /** Kafka's id of the topic incarnation. */
    public static final String TOPIC_ID = "kafka_topic_id";

    /** All six, in the order of the raw record's metadata. */
    public static final List<String> ALL = List.of(KEY, OFFSET, PARTITION, TIME, TOPIC, TOPIC_ID);

    private KafkaColumns() {}
}
