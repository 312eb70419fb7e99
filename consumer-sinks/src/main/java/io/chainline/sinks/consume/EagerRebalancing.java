package io.chainline.sinks.consume;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;

import io.chainline.core.error.ConfigException;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the consumer on eager rebalancing. {@link ConsumeStage} makes its sinks durable and commits when partitions
 * are revoked, and drops the records it gathered before a rebalance; that is only right when every rebalance
 * revokes every partition (eager). A cooperative assignor ({@code CooperativeStickyAssignor}) or the new group
 * protocol ({@code group.protocol = consumer}, KIP-848) revoke partitions one by one, and the records gathered for
 * the partitions the consumer keeps would be dropped while their offsets are committed. So both are refused, and
 * the assignor is pinned to {@link RangeAssignor} unless an eager one of Kafka's is chosen.
 */
public final class EagerRebalancing {
    /** The key the Kafka client properties come from, as messages name it. */
    static final String CLIENT_KEY = "chainline.kafka.client";

    private static final Set<String> EAGER_ASSIGNORS =
            Set.of(RangeAssignor.class.getName(), RoundRobinAssignor.class.getName(), StickyAssignor.class.getName());
    private static final String CLASSIC_PROTOCOL = "classic";
    private static final String WHY = "the consume stage needs eager rebalancing, where a rebalance revokes every"
            + " partition, because it commits at revocation and drops the records it gathered before it";

    private EagerRebalancing() {}

    /**
     * The problems with the consumer-related Kafka client properties, one sentence each naming the key, the value
     * and why; empty when the consumer can use them.
     */
    public static List<String> problems(Map<?, ?> clientProperties) {
        requireNonNull(clientProperties, "clientProperties is null");
        List<String> problems = new ArrayList<>();
        Object strategy = clientProperties.get(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
        if (strategy != null) {
            List<String> assignors = Arrays.stream(String.valueOf(strategy).split(","))
                    .map(String::trim)
                    .filter(name -> !name.isEmpty())
                    .toList();
            if (assignors.isEmpty() || !EAGER_ASSIGNORS.containsAll(assignors)) {
                problems.add("Invalid value '" + strategy + "' for '" + CLIENT_KEY + "."
                        + ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG + "': " + WHY + "; use "
                        + RangeAssignor.class.getName() + " (or RoundRobinAssignor or StickyAssignor) or leave it"
                        + " unset");
            }
        }
        Object protocol = clientProperties.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
        if (protocol != null
                && !CLASSIC_PROTOCOL.equals(String.valueOf(protocol).trim().toLowerCase(Locale.ROOT))) {
            problems.add("Invalid value '" + protocol + "' for '" + CLIENT_KEY + "."
                    + ConsumerConfig.GROUP_PROTOCOL_CONFIG + "': " + WHY + ", and the '" + protocol
                    + "' protocol (KIP-848) revokes partitions incrementally; use " + CLASSIC_PROTOCOL
                    + " or leave it unset");
        }
        return problems;
    }

    /**
     * Checks the consumer's properties and pins the classic protocol and, unless an eager assignor of Kafka's is
     * chosen, {@link RangeAssignor}.
     *
     * @throws ConfigException naming the key and the value when they ask for incremental rebalancing
     */
    static void pin(Properties consumerProperties) {
        List<String> problems = problems(consumerProperties);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        consumerProperties.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, CLASSIC_PROTOCOL);
        consumerProperties.putIfAbsent(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
    }
}
