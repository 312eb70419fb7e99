package io.chainline.ingest.produce;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.ingest.source.SourceRow;

/**
 * Turns the source rows of one input into records ready to send: validates each row, encodes a valid one as the
 * contract's JSON value keyed by its {@code Order Item Id}, a rejected one as a dead letter with its reason, and
 * adds the {@code source}, {@code line} and {@code ingest_run} headers (and {@code reason} for a dead letter). A row
 * whose record would not fit the producer's {@code max.request.size} is a dead letter too, so that it never fails
 * the transaction; a dead letter that would not fit keeps only the start of its row.
 * Not thread-safe: its encoder is reused from row to row.
 */
final class RowPreparer {
    private static final String ORDER_ITEM_ID = DataCoColumn.ORDER_ITEM_ID.header();
    /** Characters of an oversized row kept in its dead letter. */
    private static final int SHOWN_CHARS = 1024;

    private final String description;
    private final String runId;
    private final byte[] source;
    private final byte[] run;
    private final RowEncoder encoder;
    private final RowValidator validator;
    private final ObjectWriter deadLetterWriter;
    private final int maxRequestSize;

    /**
     * @param maxRequestSize the producer's {@code max.request.size}: a record that does not fit it with
     *     {@link IngestKafka#RECORD_OVERHEAD} to spare is rejected instead of failing the transaction
     */
    RowPreparer(
            String description,
            String runId,
            RowValidator validator,
            ObjectWriter deadLetterWriter,
            int maxRequestSize) {
        this.description = description;
        this.runId = runId;
        this.source = description.getBytes(StandardCharsets.UTF_8);
        this.run = runId.getBytes(StandardCharsets.UTF_8);
        this.encoder = new RowEncoder();
        this.validator = validator;
        this.deadLetterWriter = deadLetterWriter;
        this.maxRequestSize = maxRequestSize;
    }

    /** The row ready to send; null for a null row (the end of the input). */
    PreparedRow prepare(SourceRow row) {
        if (row == null) {
            return null;
        }
        String problem = row.problem() != null ? row.problem() : validator.problems(row.values());
        RecordHeaders headers = new RecordHeaders();
        headers.add("source", source);
        headers.add("line", Long.toString(row.line()).getBytes(StandardCharsets.UTF_8));
        headers.add("ingest_run", run);
        String key = row.values().get(ORDER_ITEM_ID);
        if (problem == null) {
            byte[] value = encoder.encode(row.values());
            long size = size(key.trim(), value, headers);
            if (size <= maxRequestSize - IngestKafka.RECORD_OVERHEAD) {
                return new PreparedRow(key.trim(), value, headers, null, row.position());
            }
            problem = "is " + size + " bytes as a Kafka record, more than the producer sends: max.request.size is "
                    + maxRequestSize + " bytes, " + IngestKafka.RECORD_OVERHEAD + " of them kept for framing";
        }
        headers.add("reason", problem.getBytes(StandardCharsets.UTF_8));
        DeadLetter letter = new DeadLetter(problem, description, row.line(), runId, row.raw(), row.values());
        byte[] value = encode(letter, row);
        if (size(key, value, headers) > maxRequestSize - IngestKafka.RECORD_OVERHEAD) {
            // The row is too large to travel whole even as a dead letter: its start and line find it in the input.
            letter = new DeadLetter(problem, description, row.line(), runId, shortened(row.raw()), Map.of());
            value = encode(letter, row);
        }
        return new PreparedRow(key == null ? null : key.trim(), value, headers, letter, row.position());
    }

    private byte[] encode(DeadLetter letter, SourceRow row) {
        try {
            return deadLetterWriter.writeValueAsBytes(letter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a dead letter of " + description + " line " + row.line(), e);
        }
    }

    /** The bytes of a record as the producer counts them against max.request.size, framing aside. */
    private static long size(String key, byte[] value, RecordHeaders headers) {
        long size = value.length + (key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length);
        for (Header header : headers) {
            size += header.key().length() + header.value().length;
        }
        return size;
    }

    private static String shortened(String raw) {
        return raw.length() <= SHOWN_CHARS ? raw : raw.substring(0, SHOWN_CHARS) + "…";
    }
}
