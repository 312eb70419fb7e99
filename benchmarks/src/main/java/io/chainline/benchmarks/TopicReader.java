package io.chainline.benchmarks;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * Reads every record of a topic from its start to the end offsets seen when opened, by assignment (no group),
 * in slices: the limit and the baseline take the same records the sinks consume, without holding a whole 10x
 * topic in memory.
 */
final class TopicReader implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> end;
    private final Deque<ConsumerRecord<String, byte[]>> pending = new ArrayDeque<>();

    TopicReader(String bootstrap, String topic) {
        requireNonNull(bootstrap, "bootstrap is null");
        this.topic = requireNonNull(topic, "topic is null");
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.end = consumer.endOffsets(partitions, TIMEOUT);
    }

    /**
     * The next records, at most {@code max}; empty once the topic is read to its end.
     *
     * @throws ChainlineException when no record arrives for two minutes before the end
     */
    List<ConsumerRecord<String, byte[]>> next(int max) {
        List<ConsumerRecord<String, byte[]>> slice = new ArrayList<>(Math.min(max, 1 << 16));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (slice.size() < max) {
            if (pending.isEmpty()) {
                if (atEnd()) {
                    break;
                }
                consumer.poll(Duration.ofMillis(200)).forEach(pending::add);
                if (pending.isEmpty() && System.nanoTime() > deadline) {
                    throw new ChainlineException("Topic '" + topic + "' gave no record within " + TIMEOUT
                            + " before its end offsets " + end);
                }
                continue;
            }
            slice.add(pending.poll());
        }
        return slice;
    }

    private boolean atEnd() {
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
