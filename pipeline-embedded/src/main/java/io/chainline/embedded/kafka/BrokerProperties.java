package io.chainline.embedded.kafka;

import java.nio.file.Path;
import java.util.Properties;

/** The configuration of a one-node KRaft broker that is also its own controller, listening on 127.0.0.1 only. */
final class BrokerProperties {
    /** The node id of the only node; a formatted log directory records it in {@code meta.properties}. */
    static final int NODE_ID = 1;

    static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Partitions of {@code __consumer_offsets} and {@code __transaction_state}: few, so they are created fast. */
    static final int INTERNAL_TOPIC_PARTITIONS = 4;

    private BrokerProperties() {}

    static Properties of(Path logDir, int brokerPort, int controllerPort) {
        String host = LoopbackPorts.HOST;
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", Integer.toString(NODE_ID));
        props.setProperty("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        props.setProperty(
                "listeners",
                "PLAINTEXT://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":"
                        + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
        props.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty(
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.setProperty("log.dirs", logDir.toString());

        // One node: the internal topics cannot have more replicas than that, or groups and transactions never work.
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", Integer.toString(INTERNAL_TOPIC_PARTITIONS));
        props.setProperty("min.insync.replicas", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        // The pipeline creates its topics explicitly; a typo in a topic name must fail, not create a new topic.
        props.setProperty("auto.create.topics.enable", "false");
        // The default 128 MiB compaction buffer is allocated up front; a local broker compacts little.
        props.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return props;
    }
}
