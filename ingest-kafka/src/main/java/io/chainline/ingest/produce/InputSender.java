package io.chainline.ingest.produce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.json.Json;
import io.chainline.core.stage.StageContext;
import io.chainline.ingest.IngestSettings;
import io.chainline.ingest.source.SourceInput;
import io.chainline.ingest.source.SourceReader;
import io.chainline.ingest.source.SourceRow;

/**
 * Sends one input in Kafka transactions of {@code transaction-rows} rows. Each transaction carries the valid rows
 * (to the topic), the rejected ones (to the dead-letter topic) and the input's new position (to the positions
 * topic), so that after a crash the input resumes exactly after its last committed transaction.
 */
final class InputSender {
    private static final String ORDER_ITEM_ID = DataCoColumn.ORDER_ITEM_ID.header();
    private static final int PROGRESS_EVERY = 500;

    private final IngestKafka kafka;
    private final IngestSettings settings;
    private final RejectsFile rejects;
    private final Clock clock;
    private final RowEncoder encoder = new RowEncoder();
    private final RowValidator validator = new RowValidator();
    private final ObjectWriter deadLetterWriter = Json.dataMapper().writerFor(DeadLetter.class);

    InputSender(IngestKafka kafka, IngestSettings settings, RejectsFile rejects, Clock clock) {
        this.kafka = kafka;
        this.settings = settings;
        this.rejects = rejects;
        this.clock = clock;
    }

    /** Counts of this run for one input. */
    record Counts(long read, long sent, long rejected) {
    }

    /** Sends the input from its committed position on; returns this run's counts. */
    Counts send(SourceInput input, PositionRecord committed, StageContext context, ProgressCounter progress) {
        KafkaProducer<String, byte[]> producer = kafka.producer();
        long read = 0;
        long sent = 0;
        long rejected = 0;
        List<DeadLetter> pendingRejects = new ArrayList<>();
        byte[] source = input.description().getBytes(StandardCharsets.UTF_8);
        byte[] run = context.runId().getBytes(StandardCharsets.UTF_8);
        SourceReader opened = input.open(committed == null ? null : committed.position());
        try (SourceReader reader = opened) {
            producer.beginTransaction();
            int inTransaction = 0;
            String lastPosition = committed == null ? null : committed.position();
            SourceRow row;
            while ((row = reader.next()) != null) {
                read++;
                String problem = row.problem() != null ? row.problem() : validator.problems(row.values());
                RecordHeaders headers = new RecordHeaders();
                headers.add("source", source);
                headers.add("line", Long.toString(row.line()).getBytes(StandardCharsets.UTF_8));
                headers.add("ingest_run", run);
                if (problem == null) {
                    String key = row.values().get(ORDER_ITEM_ID).trim();
                    byte[] value = encoder.encode(row.values());
                    producer.send(new ProducerRecord<>(settings.topic(), null, key, value, headers));
                    sent++;
                } else {
                    DeadLetter letter = new DeadLetter(problem, input.description(), row.line(), context.runId(),
                            row.raw(), row.values());
                    headers.add("reason", problem.getBytes(StandardCharsets.UTF_8));
                    String key = row.values().get(ORDER_ITEM_ID);
                    producer.send(new ProducerRecord<>(settings.dlqTopic(), null, key == null ? null : key.trim(),
                            deadLetterWriter.writeValueAsBytes(letter), headers));
                    pendingRejects.add(letter);
                    rejected++;
                }
                lastPosition = row.position();
                if (read % PROGRESS_EVERY == 0) {
                    progress.add(context, PROGRESS_EVERY);
                }
                if (++inTransaction >= settings.transactionRows()) {
                    commit(producer, next(input, committed, lastPosition, false, read, sent, rejected, context),
                            pendingRejects);
                    context.cancellation().throwIfCancelled();
                    producer.beginTransaction();
                    inTransaction = 0;
                }
            }
            commit(producer, next(input, committed, lastPosition, input.finite(), read, sent, rejected, context),
                    pendingRejects);
            progress.add(context, read % PROGRESS_EVERY);
            return new Counts(read, sent, rejected);
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw new ChainlineException("The ingest of " + input.description() + " cannot go on: " + e.getMessage()
                    + " (another ingest with transactional id '" + settings.transactionalId()
                    + "' may have started)", e);
        } catch (KafkaException e) {
            abortQuietly(producer, e);
            throw new RetriableException("Sending " + input.description() + " to Kafka failed: " + e.getMessage()
                    + "; rows up to the last committed transaction are in the topic, run again to resume", e);
        } catch (IOException e) {
            abortQuietly(producer, e);
            throw new IllegalStateException("cannot encode a dead letter of " + input.description(), e);
        } catch (RuntimeException e) {
            abortQuietly(producer, e);
            throw e;
        }
    }

    /** The position to commit: this run's counts so far on top of those committed before it. */
    private PositionRecord next(SourceInput input, PositionRecord before, String lastPosition, boolean complete,
            long read, long sent, long rejected, StageContext context) {
        long baseRead = before == null ? 0 : before.rowsRead();
        long baseSent = before == null ? 0 : before.rowsSent();
        long baseRejected = before == null ? 0 : before.rowsRejected();
        return new PositionRecord(input.key(), input.description(), lastPosition, complete, baseRead + read,
                baseSent + sent, baseRejected + rejected, context.runId(), clock.instant());
    }

    private void commit(KafkaProducer<String, byte[]> producer, PositionRecord position,
            List<DeadLetter> pendingRejects) {
        kafka.sendPosition(position);
        producer.commitTransaction();
        rejects.append(pendingRejects);
        pendingRejects.clear();
    }

    private static void abortQuietly(KafkaProducer<String, byte[]> producer, Exception cause) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
