package io.chainline.sinks.dlq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.json.Json;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.state.StateDirectory;
import io.chainline.sinks.SinksSettings;

import static java.util.Objects.requireNonNull;

/**
 * The dead-letter topic: what is in it, and sending selected letters back to the topic once the data or the code
 * is fixed. It holds two kinds of letters: rows the ingest rejected (with their {@code values} by header) and
 * poison messages the consumer could not store (with their raw {@code value}). Replayed letters are remembered in
 * {@code <state-dir>/dlq/replayed-<topic>.txt}, so a letter is never replayed twice.
 */
public final class DeadLetterTopic {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ORDER_ITEM_ID = DataCoColumn.ORDER_ITEM_ID.header();

    private final KafkaEndpoint endpoint;
    private final SinksSettings settings;
    private final StateDirectory state;
    private final ObjectMapper json = Json.dataMapper();

    @Inject
    public DeadLetterTopic(KafkaEndpoint endpoint, SinksSettings settings, StateDirectory state) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.state = requireNonNull(state, "state is null");
    }

    /** The letters grouped by reason and source, largest groups first. */
    public List<DeadLetterGroup> list() {
        Set<String> replayed = replayed();
        Map<List<String>, long[]> groups = new LinkedHashMap<>();
        readAll(record -> {
            JsonNode letter = parse(record);
            long[] counts = groups.computeIfAbsent(List.of(text(letter, "reason"), source(letter)), k -> new long[2]);
            counts[0]++;
            if (replayed.contains(id(record))) {
                counts[1]++;
            }
        });
        List<DeadLetterGroup> result = new ArrayList<>();
        groups.forEach((key, counts) -> result.add(new DeadLetterGroup(key.get(0), key.get(1), counts[0], counts[1])));
        result.sort((a, b) -> Long.compare(b.count(), a.count()));
        return result;
    }

    /**
     * Sends the letters whose reason contains {@code reasonFilter} (all when empty) back to the topic, each once. A
     * letter counts as replayed, and is remembered, only once the topic has acknowledged it.
     *
     * @throws RetriableException when some sends failed for a transient reason, after remembering the others
     * @throws ChainlineException when the topic refused some letters, after remembering the others
     */
    public ReplayResult replay(Optional<String> reasonFilter) {
        Set<String> replayed = replayed();
        Path file = replayedFile();
        long[] counts = new long[4];
        Properties properties = endpoint.clientProperties();
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        List<Replay> sends = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            readAll(record -> {
                JsonNode letter = parse(record);
                if (replayed.contains(id(record))) {
                    counts[1]++;
                } else if (reasonFilter.isPresent() && !text(letter, "reason").contains(reasonFilter.get())) {
                    counts[2]++;
                } else {
                    Optional<byte[]> value = replayableValue(letter);
                    if (value.isEmpty()) {
                        counts[3]++;
                        return;
                    }
                    RecordHeaders headers = new RecordHeaders();
                    headers.add(
                            "replayed_from", (settings.dlqTopic() + "/" + id(record)).getBytes(StandardCharsets.UTF_8));
                    sends.add(new Replay(
                            id(record),
                            producer.send(
                                    new ProducerRecord<>(settings.topic(), null, key(letter), value.get(), headers))));
                }
            });
            producer.flush();
        }
        List<String> acknowledged = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (Replay send : sends) {
            Throwable failure = send.failure();
            if (failure == null) {
                acknowledged.add(send.id());
            } else {
                failures.add(failure);
            }
        }
        remember(file, acknowledged);
        if (!failures.isEmpty()) {
            throw replayFailed(acknowledged.size(), sends.size(), failures);
        }
        return new ReplayResult(acknowledged.size(), counts[1], counts[2], counts[3]);
    }

    private ChainlineException replayFailed(int acknowledged, int sent, List<Throwable> failures) {
        Throwable first = failures.get(0);
        String message = "Replayed " + acknowledged + " of " + sent + " dead letters; " + failures.size()
                + (failures.size() == 1 ? " send" : " sends") + " to topic '" + settings.topic() + "' failed (first: "
                + first.getMessage() + "). The failed ones are not recorded as replayed: replay again to send them";
        boolean transientOnly =
                failures.stream().allMatch(f -> f instanceof org.apache.kafka.common.errors.RetriableException);
        return transientOnly ? new RetriableException(message, first) : new ChainlineException(message, first);
    }

    /** One replayed letter on its way: the letter's id in the dead-letter topic and the send's result. */
    private record Replay(String id, Future<RecordMetadata> ack) {
        /** Null once acknowledged, else why the send failed; the producer was flushed, so this does not wait. */
        Throwable failure() {
            try {
                ack.get();
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        }
    }

    private void readAll(Consumer<ConsumerRecord<String, byte[]>> action) {
        Properties properties = endpoint.clientProperties();
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(settings.dlqTopic(), TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new RetriableException("Reading " + settings.dlqTopic() + " took longer than " + TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(action);
            }
        }
    }

    private Optional<byte[]> replayableValue(JsonNode letter) {
        JsonNode values = letter.path("values");
        if (values.isObject() && values.size() > 0) {
            try {
                return Optional.of(json.writeValueAsBytes(values));
            } catch (IOException e) {
                throw new IllegalStateException("cannot encode the values of a dead letter", e);
            }
        }
        JsonNode value = letter.path("value");
        return value.isTextual() ? Optional.of(value.asText().getBytes(StandardCharsets.UTF_8)) : Optional.empty();
    }

    private JsonNode parse(ConsumerRecord<String, byte[]> record) {
        try {
            return json.readTree(record.value());
        } catch (IOException e) {
            throw new ChainlineException(
                    "The dead letter at " + settings.dlqTopic() + "/" + id(record) + " is not JSON: " + e.getMessage(),
                    e);
        }
    }

    private static String key(JsonNode letter) {
        JsonNode id = letter.path("values").path(ORDER_ITEM_ID);
        if (id.isTextual()) {
            return id.asText().trim();
        }
        return letter.path("key").isTextual() ? letter.path("key").asText() : null;
    }

    private static String source(JsonNode letter) {
        if (letter.hasNonNull("source")) {
            return letter.get("source").asText();
        }
        return "kafka:" + text(letter, "topic") + "/" + text(letter, "partition");
    }

    private static String text(JsonNode letter, String field) {
        return letter.path(field).asText("");
    }

    private static String id(ConsumerRecord<String, byte[]> record) {
        return record.partition() + ":" + record.offset();
    }

    private Path replayedFile() {
        return state.resolve("dlq/replayed-" + settings.dlqTopic() + ".txt");
    }

    private Set<String> replayed() {
        Path file = replayedFile();
        try {
            return Files.exists(file) ? new HashSet<>(Files.readAllLines(file, StandardCharsets.UTF_8)) : Set.of();
        } catch (IOException e) {
            throw new ChainlineException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void remember(Path file, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            Files.write(file, ids, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ChainlineException(
                    "Replayed " + ids.size() + " letters but cannot record them in " + file + ": " + e.getMessage()
                            + "; a later replay would send them again",
                    e);
        }
    }
}
