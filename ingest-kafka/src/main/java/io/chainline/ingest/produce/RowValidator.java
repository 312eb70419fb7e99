package io.chainline.ingest.produce;

import java.util.Map;

import io.chainline.core.contract.DataCoRecordParser;
import io.chainline.core.contract.DataCoValueParser;

/**
 * Validates a row with the record contract's one parser: every number and date must parse and {@code Order Item Id}
 * must be present. A valid row is only checked ({@link DataCoRecordParser#isValid}); a rejected one is parsed in
 * full for its exact problems. Thread-safe.
 */
final class RowValidator {
    private final DataCoRecordParser parser = new DataCoRecordParser(new DataCoValueParser());

    /** Null when the row is valid, else every problem of it in one line. */
    String problems(Map<String, String> values) {
        return parser.isValid(values) ? null : parser.parse(values).describeProblems();
    }
}
