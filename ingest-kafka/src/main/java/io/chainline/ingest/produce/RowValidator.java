package io.chainline.ingest.produce;

import java.util.Map;

import io.chainline.core.contract.DataCoRecordParser;
import io.chainline.core.contract.DataCoValueParser;
import io.chainline.core.contract.RecordParseResult;

/**
 * Validates a row with the record contract's one parser: every number and date must parse and {@code Order Item Id}
 * must be present. Thread-safe.
 */
final class RowValidator {
    private final DataCoRecordParser parser = new DataCoRecordParser(new DataCoValueParser());

    /** Null when the row is valid, else every problem of it in one line. */
    String problems(Map<String, String> values) {
        RecordParseResult result = parser.parse(values);
        return result.isValid() ? null : result.describeProblems();
    }
}
