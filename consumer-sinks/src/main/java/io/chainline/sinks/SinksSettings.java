package io.chainline.sinks;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;
import io.chainline.core.inject.Registry;
import io.chainline.sinks.consume.EagerRebalancing;
import io.chainline.sinks.spi.RawSink;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.sinks}: the consumer group, the topic it drains, its batches and the sinks that receive them.
 *
 * @param groupId the Kafka consumer group
 * @param enabled the sinks to write to, by registered type name
 * @param topic the topic to drain
 * @param dlqTopic where poison messages go
 * @param pollTimeout how long one poll waits
 * @param batchMaxRecords records per batch at most
 * @param batchMaxBytes value bytes per batch at most
 * @param batchMaxWait how long a batch may gather records
 * @param retry how transient failures of a sink are retried
 */
public record SinksSettings(
        String groupId,
        Set<String> enabled,
        String topic,
        String dlqTopic,
        Duration pollTimeout,
        int batchMaxRecords,
        long batchMaxBytes,
        Duration batchMaxWait,
        RetrySettings retry) {
    public SinksSettings {
        requireNonNull(groupId, "groupId is null");
        enabled = Set.copyOf(requireNonNull(enabled, "enabled is null"));
        requireNonNull(topic, "topic is null");
        requireNonNull(dlqTopic, "dlqTopic is null");
        requireNonNull(pollTimeout, "pollTimeout is null");
        requireNonNull(batchMaxWait, "batchMaxWait is null");
        requireNonNull(retry, "retry is null");
    }

    /**
     * Reads and validates {@code chainline.sinks} (the sinks' own subtrees are read by their settings), and checks
     * that {@code chainline.kafka.client} keeps the consumer on eager rebalancing ({@link EagerRebalancing}).
     *
     * @param sinks the registered sinks, which {@code enabled} chooses from
     */
    public static SinksSettings from(Config config, Registry<RawSink> sinks) {
        SettingsReader read = SettingsReader.of(config, "chainline.sinks");
        String groupId = read.nonEmptyString("group-id");
        List<String> enabled = read.registeredNames("enabled", sinks);
        if (enabled.isEmpty()) {
            read.problem("enabled", enabled, "must name at least one of the registered sinks " + sinks.names());
        }
        String topic = read.nonEmptyString("topic");
        String dlqTopic = read.nonEmptyString("dlq-topic");
        if (topic.equals(dlqTopic)) {
            read.problem("dlq-topic", dlqTopic, "must differ from 'chainline.sinks.topic'");
        }
        Duration pollTimeout = read.duration("poll-timeout", Duration.ofMillis(10));
        int maxRecords = read.intAtLeast("batch.max-records", 1);
        long maxBytes = read.bytes("batch.max-bytes", 1024);
        Duration maxWait = read.duration("batch.max-wait", Duration.ofMillis(1));
        RetrySettings retry = RetrySettings.from(read);
        // Problems of the map itself are KafkaSettings' to report.
        Map<String, String> client =
                SettingsReader.of(config, "chainline.kafka").stringMap("client");
        EagerRebalancing.problems(client).forEach(read::addProblem);
        read.throwIfInvalid();
        return new SinksSettings(
                groupId,
                new LinkedHashSet<>(enabled),
                topic,
                dlqTopic,
                pollTimeout,
                maxRecords,
                maxBytes,
                maxWait,
                retry);
    }
}
