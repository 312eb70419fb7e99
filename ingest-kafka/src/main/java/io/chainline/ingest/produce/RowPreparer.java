package io.chainline.ingest.produce;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.ingest.source.SourceRow;

/**
 * Turns the source rows of one input into records ready to send: validates each row, encodes a valid one as the
 * contract's JSON value keyed by its {@code Order Item Id}, a rejected one as a dead letter with its reason, and
 * adds the {@code source}, {@code line} and {@code ingest_run} headers (and {@code reason} for a dead letter).
 * Not thread-safe: its encoder is reused from row to row.
 */
final class RowPreparer {
    private static final String ORDER_ITEM_ID = DataCoColumn.ORDER_ITEM_ID.header();

    private final String description;
    private final String runId;
    private final byte[] source;
    private final byte[] run;
    private final RowEncoder encoder;
    private final RowValidator validator;
    private final ObjectWriter deadLetterWriter;

    RowPreparer(String description, String runId, RowValidator validator, ObjectWriter deadLetterWriter) {
        this.description = description;
        this.runId = runId;
        this.source = description.getBytes(StandardCharsets.UTF_8);
        this.run = runId.getBytes(StandardCharsets.UTF_8);
        this.encoder = new RowEncoder();
        this.validator = validator;
        this.deadLetterWriter = deadLetterWriter;
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
            return new PreparedRow(key.trim(), encoder.encode(row.values()), headers, null, row.position());
        }
        DeadLetter letter = new DeadLetter(problem, description, row.line(), runId, row.raw(), row.values());
        headers.add("reason", problem.getBytes(StandardCharsets.UTF_8));
        try {
            return new PreparedRow(
                    key == null ? null : key.trim(),
                    deadLetterWriter.writeValueAsBytes(letter),
                    headers,
                    letter,
                    row.position());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a dead letter of " + description + " line " + row.line(), e);
        }
    }
}
