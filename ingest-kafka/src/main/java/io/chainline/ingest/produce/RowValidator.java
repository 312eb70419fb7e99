package io.chainline.ingest.produce;

import java.util.Map;
import java.util.stream.Collectors;

import io.chainline.core.contract.DataCoRecordParser;
import io.chainline.core.contract.DataCoValueParser;
import io.chainline.core.contract.StorableText;
import io.chainline.core.contract.ValueParseException;

/**
 * Validates a row with the record contract's one parser: every number and date must parse and {@code Order Item Id}
 * must be present; and every column name and value must be text every sink can store ({@link StorableText}). A valid
 * row is only checked ({@link DataCoRecordParser#isValid}); a rejected one is parsed in full for its exact problems.
 * A reason names the columns and what is wrong with them, never their values: it travels in the dead letter's
 * {@code reason} header, which tools list and print, while the values stay in the dead letter's body. Thread-safe.
 */
final class RowValidator {
    private final DataCoRecordParser parser = new DataCoRecordParser(new DataCoValueParser());

    /**
     * Null when the row is valid, else every problem of it in one line, e.g.
     * {@code Column 'Order Item Quantity' is not an integer; Column 'Latitude' is outside [-90, 90]}.
     */
    String problems(Map<String, String> values) {
        String unstorable = unstorable(values);
        if (unstorable != null) {
            return unstorable;
        }
        if (parser.isValid(values)) {
            return null;
        }
        return parser.parse(values).problems().stream()
                .map(RowValidator::withoutValue)
                .collect(Collectors.joining("; "));
    }

    /** The contract's message less the value it quotes. */
    private static String withoutValue(ValueParseException problem) {
        return "Column '" + problem.column().header() + "' " + problem.reason();
    }

    /** A column name or value no sink can store, named without quoting the value; null when there is none. */
    private static String unstorable(Map<String, String> values) {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String nameProblem = StorableText.problem(entry.getKey());
            if (nameProblem != null) {
                return "a column name holds " + nameProblem + ", which no sink can store";
            }
            String value = entry.getValue();
            String valueProblem = value == null ? null : StorableText.problem(value);
            if (valueProblem != null) {
                return "column '" + entry.getKey() + "' holds " + valueProblem + ", which no sink can store";
            }
        }
        return null;
    }
}
