package io.chainline.sinks.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.raw.KafkaCoordinates;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageContext;
import io.chainline.core.stage.StageReport;
import io.chainline.sinks.SinksSettings;
import io.chainline.sinks.spi.RawBatch;
import io.chainline.sinks.spi.RawRecord;

import static java.util.Objects.requireNonNull;

/**
 * {@code consume}: drains the topic into every sink with an exactly-once effect. Offsets are committed by hand,
 * per partition only up to what every sink has made durable; a restart re-delivers the rest and the sinks skip what
 * they already hold. Poison messages go to the dead-letter topic and never stop the consumer; a batch's offsets move
 * past a poison record only once the topic has acknowledged its letter, and a letter that cannot be delivered ends
 * the run before anything after it is committed. With
 * {@code untilCaughtUp} it drains to the end offsets seen at start and returns; otherwise it runs until the run is
 * cancelled (SIGTERM), then flushes and commits.
 */
public final class ConsumeStage implements Stage {
    /** The stage\'s name in reports. */
    public static final String NAME = "consume";

    private static final Logger log = LoggerFactory.getLogger(ConsumeStage.class);

    private final ConsumeRequest request;
    private final ConsumeKafka kafka;
    private final SinkFanOut sinks;
    private final SinksSettings settings;
    private final RecordParser parser = new RecordParser();
    private final DeadLetterSender deadLetters;
    private final Map<Integer, Long> committed = new HashMap<>();
    private final Map<Integer, Long> consumed = new HashMap<>();
    private final TopicIncarnation incarnation;
    private boolean rebalanced;
    private boolean assignedSinceCheck;

    ConsumeStage(ConsumeRequest request, ConsumeKafka kafka, SinkFanOut sinks, SinksSettings settings) {
        this.request = requireNonNull(request, "request is null");
        this.kafka = requireNonNull(kafka, "kafka is null");
        this.sinks = requireNonNull(sinks, "sinks is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.deadLetters = new DeadLetterSender(kafka.dlqProducer(), settings.dlqTopic());
        this.incarnation =
                new TopicIncarnation(settings.topic(), kafka.topicId(), () -> kafka.currentTopicId(settings.topic()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String configPath() {
        return "chainline.sinks";
    }

    @Override
    public StageReport run(StageContext context) {
        KafkaConsumer<String, byte[]> consumer = kafka.consumer();
        String topic = settings.topic();
        List<TopicPartition> all = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        Map<TopicPartition, Long> drainTo = Map.of();
        boolean draining = false;
        consumer.subscribe(List.of(topic), new Rebalance(topic));
        ConsumeCounts counts = new ConsumeCounts();
        while (!context.cancellation().isCancelled()) {
            if (request.untilCaughtUp() && !draining && request.upstreamDone().isDone()) {
                if (request.upstreamDone().isCompletedExceptionally()) {
                    log.info("The upstream stage failed: stopping after {} records", counts.consumed);
                    break;
                }
                // The end offsets are taken once the producer is done, so that everything it sent is drained.
                drainTo = consumer.endOffsets(all);
                draining = true;
            }
            List<ConsumerRecord<String, byte[]>> batch = collect(consumer, draining ? drainTo : null);
            // After an assignment; and when a drain finds the topic deleted under it, which it would wait for forever.
            if (assignedSinceCheck
                    || draining && incarnation.gone() && consumer.assignment().isEmpty()) {
                assignedSinceCheck = false;
                verifyTopic();
            }
            Map<Integer, Long> consumedUpTo = advancedPositions(consumer);
            if (!batch.isEmpty() || !consumedUpTo.isEmpty()) {
                handle(batch, consumedUpTo, counts);
                commitDurable(consumer);
                context.reportProgress(counts.consumed, total(drainTo), "rows");
            } else if (!consumer.assignment().isEmpty()) {
                // Idle: an empty batch lets the sinks act on time alone (a raw file whose rotate-age passed).
                sinks.write(new RawBatch(List.of(), Map.of()));
                commitDurable(consumer);
            }
            if (draining) {
                boolean idle = consumer.assignment().isEmpty();
                if (!idle && caughtUp(consumer, drainTo)) {
                    // Everything this member owns is consumed: make it durable so that the group's offsets show it.
                    sinks.flush();
                    commitDurable(consumer);
                    idle = true;
                }
                // Asking the group costs a round trip, so only a member with nothing left of its own asks.
                if (idle && groupCaughtUp(consumer, drainTo)) {
                    break;
                }
            }
        }
        sinks.flush();
        commitDurable(consumer);
        return counts.report(name(), sinks, settings);
    }

    /**
     * Polls until the batch is full or its time is up. A rebalance inside a poll resets the positions of the
     * partitions to their committed offsets and may take some away, so the records gathered before it are dropped:
     * they come again, to whichever member owns their partition now.
     */
    private List<ConsumerRecord<String, byte[]>> collect(
            KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> drainTo) {
        // drainTo is null while not draining: poll until the batch is full or its time is up.
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        long bytes = 0;
        long start = System.nanoTime();
        do {
            rebalanced = false;
            var polled = consumer.poll(settings.pollTimeout());
            if (rebalanced) {
                batch.clear();
                bytes = 0;
            }
            for (ConsumerRecord<String, byte[]> record : polled) {
                batch.add(record);
                bytes += record.serializedValueSize();
            }
            if (drainTo != null && !consumer.assignment().isEmpty() && caughtUp(consumer, drainTo)) {
                break;
            }
        } while (batch.size() < settings.batchMaxRecords()
                && bytes < settings.batchMaxBytes()
                && System.nanoTime() - start < settings.batchMaxWait().toNanos());
        return batch;
    }

    /**
     * Per partition, the offset before this consumer's position where it moved since the last batch. The position,
     * not the last record, says how far a partition was consumed: on a transactional topic it also moves past commit
     * markers and aborted records, which no batch holds but which the group's offsets must pass.
     */
    private Map<Integer, Long> advancedPositions(KafkaConsumer<String, byte[]> consumer) {
        Map<Integer, Long> advanced = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long upTo = consumer.position(partition) - 1;
            if (upTo >= 0 && upTo > consumed.getOrDefault(partition.partition(), -1L)) {
                advanced.put(partition.partition(), upTo);
                consumed.put(partition.partition(), upTo);
            }
        }
        return advanced;
    }

    private void handle(
            List<ConsumerRecord<String, byte[]>> batch, Map<Integer, Long> consumedUpTo, ConsumeCounts counts) {
        // The records may be the recreated topic's, under the old id: nothing goes to the sinks before the check.
        verifyTopic();
        List<RawRecord> records = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> record : batch) {
            counts.consumed++;
            RecordParser.Parsed parsed = parser.parse(record.value());
            if (parsed.poison() != null) {
                deadLetters.send(record, parsed.poison());
                counts.poison++;
                continue;
            }
            records.add(new RawRecord(
                    new KafkaCoordinates(
                            record.topic(),
                            kafka.topicId(),
                            record.partition(),
                            record.offset(),
                            record.timestamp(),
                            record.key()),
                    record.value(),
                    parsed.data()));
        }
        // The sinks advance the durable offsets past the poison records, so their letters must have arrived first.
        deadLetters.awaitAcknowledged();
        log.debug("Batch of {} records, consumed up to {}", batch.size(), consumedUpTo);
        sinks.write(new RawBatch(records, consumedUpTo));
    }

    /**
     * Stops the run when the topic was deleted or recreated since the start. What the sinks hold of the old topic is
     * made durable first (the raw files of what bronze holds are published); nothing is committed from then on.
     */
    private void verifyTopic() {
        try {
            incarnation.verify();
        } catch (RuntimeException e) {
            if (incarnation.gone()) {
                try {
                    sinks.flush();
                } catch (RuntimeException flushFailure) {
                    e.addSuppressed(flushFailure);
                }
            }
            throw e;
        }
    }

    private void commitDurable(KafkaConsumer<String, byte[]> consumer) {
        if (incarnation.gone()) {
            // The group's offsets are keyed by the topic's name: committing now would move them on the new topic.
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Map.Entry<Integer, Long> durable : sinks.durableUpTo().entrySet()) {
            TopicPartition partition = new TopicPartition(settings.topic(), durable.getKey());
            long next = durable.getValue() + 1;
            if (consumer.assignment().contains(partition) && next > committed.getOrDefault(durable.getKey(), -1L)) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        }
        if (!offsets.isEmpty()) {
            log.debug("Committing {}", offsets);
            consumer.commitSync(offsets);
            offsets.forEach((partition, offset) -> committed.put(partition.partition(), offset.offset()));
        }
    }

    /**
     * Whether the whole group has committed every partition up to the end offsets seen at start. Asking the group,
     * not this member, keeps a member that has no partitions yet (a rebalance waiting for a dead member to time
     * out) from stopping early, and lets every member of a group stop once the group as a whole is done.
     */
    private boolean groupCaughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> drainTo) {
        Map<TopicPartition, OffsetAndMetadata> groupOffsets = consumer.committed(drainTo.keySet());
        for (Map.Entry<TopicPartition, Long> end : drainTo.entrySet()) {
            OffsetAndMetadata committedOffset = groupOffsets.get(end.getKey());
            long done = committedOffset == null ? 0 : committedOffset.offset();
            if (end.getValue() > 0 && done < end.getValue()) {
                log.debug("Group not caught up: {} committed {} of {}", end.getKey(), done, end.getValue());
                return false;
            }
        }
        return true;
    }

    private static boolean caughtUp(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> drainTo) {
        for (TopicPartition partition : consumer.assignment()) {
            if (consumer.position(partition) < drainTo.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    private static long total(Map<TopicPartition, Long> drainTo) {
        return drainTo.isEmpty()
                ? -1
                : drainTo.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Flushes and commits before partitions go, tells the sinks about new ones. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final String topic;

        Rebalance(String topic) {
            this.topic = topic;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            log.debug("Revoked {}", partitions);
            if (partitions.isEmpty()) {
                return;
            }
            rebalanced = true;
            sinks.flush();
            // A topic deleted under the consumer revokes its partitions; their offsets cannot be committed any more.
            if (incarnation.unchanged()) {
                commitDurable(kafka.consumer());
            }
            List<Integer> numbers =
                    partitions.stream().map(TopicPartition::partition).toList();
            sinks.revoked(numbers);
            numbers.forEach(committed::remove);
            numbers.forEach(consumed::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            log.debug("Assigned {}", partitions);
            rebalanced = true;
            if (!partitions.isEmpty()) {
                assignedSinceCheck = true;
                sinks.assigned(
                        topic,
                        kafka.topicId(),
                        partitions.stream().map(TopicPartition::partition).toList());
            }
        }
    }
}
