package io.chainline.ingest.produce;

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

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.json.Json;
import io.chainline.core.stage.StageContext;
import io.chainline.ingest.IngestSettings;
import io.chainline.ingest.source.SourceInput;
import io.chainline.ingest.source.SourceReader;

/**
 * Sends one input in Kafka transactions of {@code transaction-rows} rows. Each transaction carries the valid rows
 * (to the topic), the rejected ones (to the dead-letter topic) and the input's new position (to the positions
 * topic), so that after a crash the input resumes exactly after its last committed transaction.
 */
final class InputSender {
    private static final int PROGRESS_EVERY = 500;
    /** Rows per hand-off between the reading and the sending thread. */
    private static final int CHUNK_ROWS = 256;
    /** Chunks read ahead: enough to keep reading through a commit, about 8 MB of 1.5 KB rows. */
    private static final int QUEUE_CHUNKS = 20;

    private final IngestKafka kafka;
    private final IngestSettings settings;
    private final RejectsFile rejects;
    private final Clock clock;
    private final RowValidator validator = new RowValidator();
    private final ObjectWriter deadLetterWriter = Json.dataMapper().writerFor(DeadLetter.class);

    InputSender(IngestKafka kafka, IngestSettings settings, RejectsFile rejects, Clock clock) {
        this.kafka = kafka;
        this.settings = settings;
        this.rejects = rejects;
        this.clock = clock;
    }

    /** Counts of this run for one input. */
    record Counts(long read, long sent, long rejected) {}

    /**
     * Sends the input from its committed position on; returns this run's counts. A second thread reads, validates
     * and encodes the rows ahead ({@link RowPreparer}); this one sends them in order, commits, reports progress and
     * checks for cancellation.
     */
    Counts send(
            SourceInput input,
            PositionRecord committed,
            StageContext context,
            ProgressCounter progress,
            ProducedOffsets produced) {
        KafkaProducer<String, byte[]> producer = kafka.producer();
        long read = 0;
        long sent = 0;
        long rejected = 0;
        List<DeadLetter> pendingRejects = new ArrayList<>();
        RowPreparer preparer = new RowPreparer(
                input.description(), context.runId(), validator, deadLetterWriter, kafka.maxRequestSize());
        SourceReader opened = input.open(committed == null ? null : committed.position());
        try (SourceReader reader = opened;
                ReadAhead<PreparedRow> rows = ReadAhead.start(
                        "chainline-ingest-read " + input.description(),
                        () -> preparer.prepare(reader.next()),
                        CHUNK_ROWS,
                        QUEUE_CHUNKS)) {
            producer.beginTransaction();
            int inTransaction = 0;
            String lastPosition = committed == null ? null : committed.position();
            PreparedRow row;
            while ((row = rows.next()) != null) {
                read++;
                if (row.deadLetter() == null) {
                    producer.send(
                            new ProducerRecord<>(settings.topic(), null, row.key(), row.value(), row.headers()),
                            produced);
                    sent++;
                } else {
                    producer.send(
                            new ProducerRecord<>(settings.dlqTopic(), null, row.key(), row.value(), row.headers()));
                    pendingRejects.add(row.deadLetter());
                    rejected++;
                }
                lastPosition = row.position();
                if (read % PROGRESS_EVERY == 0) {
                    progress.add(context, PROGRESS_EVERY);
                }
                if (++inTransaction >= settings.transactionRows()) {
                    commit(
                            producer,
                            next(input, committed, lastPosition, false, read, sent, rejected, context),
                            pendingRejects);
                    context.cancellation().throwIfCancelled();
                    producer.beginTransaction();
                    inTransaction = 0;
                }
            }
            commit(
                    producer,
                    next(input, committed, lastPosition, input.finite(), read, sent, rejected, context),
                    pendingRejects);
            progress.add(context, read % PROGRESS_EVERY);
            return new Counts(read, sent, rejected);
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
            throw new ChainlineException(
                    "The ingest of " + input.description() + " cannot go on: " + e.getMessage()
                            + " (another ingest with transactional id '" + settings.transactionalId()
                            + "' may have started)",
                    e);
        } catch (KafkaException e) {
            abortQuietly(producer, e);
            throw new RetriableException(
                    "Sending " + input.description() + " to Kafka failed: " + e.getMessage()
                            + "; rows up to the last committed transaction are in the topic, run again to resume",
                    e);
        } catch (RuntimeException e) {
            abortQuietly(producer, e);
            throw e;
        }
    }

    /** The position to commit: this run's counts so far on top of those committed before it. */
    private PositionRecord next(
            SourceInput input,
            PositionRecord before,
            String lastPosition,
            boolean complete,
            long read,
            long sent,
            long rejected,
            StageContext context) {
        long baseRead = before == null ? 0 : before.rowsRead();
        long baseSent = before == null ? 0 : before.rowsSent();
        long baseRejected = before == null ? 0 : before.rowsRejected();
        return new PositionRecord(
                input.key(),
                input.description(),
                lastPosition,
                complete,
                baseRead + read,
                baseSent + sent,
                baseRejected + rejected,
                context.runId(),
                clock.instant());
    }

    private void commit(
            KafkaProducer<String, byte[]> producer, PositionRecord position, List<DeadLetter> pendingRejects) {
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
