package io.chainline.sinks.consume;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.json.Json;

import static java.util.Objects.requireNonNull;

/**
 * Sends a batch's poison records to the dead-letter topic and waits until the topic has acknowledged every letter,
 * so that the consumer never commits past a poison record whose letter was lost. Not thread-safe; one per consumer.
 */
final class DeadLetterSender {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterSender.class);

    private final KafkaProducer<String, byte[]> producer;
    private final String dlqTopic;
    private final ObjectWriter letters = Json.dataMapper().writerFor(PoisonLetter.class);
    private final List<Sent> pending = new ArrayList<>();

    /** One letter on its way: the poison record's coordinates and the send's result. */
    private record Sent(String record, Future<RecordMetadata> ack) {}

    DeadLetterSender(KafkaProducer<String, byte[]> producer, String dlqTopic) {
        this.producer = requireNonNull(producer, "producer is null");
        this.dlqTopic = requireNonNull(dlqTopic, "dlqTopic is null");
    }

    /** Sends the letter of {@code record}; {@link #awaitAcknowledged()} says whether it arrived. */
    void send(ConsumerRecord<String, byte[]> record, String reason) {
        String at = record.topic() + "/" + record.partition() + "@" + record.offset();
        PoisonLetter letter = new PoisonLetter(
                reason,
                record.topic(),
                record.partition(),
                record.offset(),
                record.key(),
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8),
                record.timestamp(),
                header(record, "source"),
                line(header(record, "line")));
        RecordHeaders headers = new RecordHeaders();
        headers.add("reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("source", ("kafka:" + at).getBytes(StandardCharsets.UTF_8));
        byte[] value;
        try {
            value = letters.writeValueAsBytes(letter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the dead letter of " + at, e);
        }
        pending.add(new Sent(at, producer.send(new ProducerRecord<>(dlqTopic, null, record.key(), value, headers))));
        log.warn("Poison message at {} sent to {}: {}", at, dlqTopic, reason);
    }

    /**
     * Waits until every letter sent since the last call is acknowledged.
     *
     * @throws RetriableException when a send failed for a transient reason (the broker unreachable, a timeout)
     * @throws ChainlineException when the topic refused a letter (too large, not authorised)
     */
    void awaitAcknowledged() {
        if (pending.isEmpty()) {
            return;
        }
        producer.flush();
        try {
            for (Sent sent : pending) {
                await(sent);
            }
        } finally {
            pending.clear();
        }
    }

    private void await(Sent sent) {
        try {
            sent.ack().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String message = "Sending the dead letter of " + sent.record() + " to topic '" + dlqTopic + "' failed: "
                    + cause.getMessage() + "; nothing from there on is committed, so the next run sends it again";
            throw cause instanceof org.apache.kafka.common.errors.RetriableException
                    ? new RetriableException(message, cause)
                    : new ChainlineException(message, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainlineException("Interrupted while waiting for the dead letter of " + sent.record(), e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Long line(String text) {
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
