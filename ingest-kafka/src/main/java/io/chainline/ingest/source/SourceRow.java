package io.chainline.ingest.source;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One row as its source holds it.
 *
 * @param line where the row is: the 1-based line it starts on in a file, the row number of a query or generator
 * @param values original header name -> original string, in the source's column order (columns the contract does
 *     not know are kept); empty when {@code problem} is set
 * @param raw the row as it was read (the CSV record text, or a rendering of the values), for dead letters
 * @param problem why the row could not be split into columns, or null
 * @param position what to commit once this row is durable; reopening the input with it resumes after this row
 */
public record SourceRow(long line, Map<String, String> values, String raw, String problem, String position) {

    public SourceRow {
        requireNonNull(values, "values is null");
        requireNonNull(raw, "raw is null");
        requireNonNull(position, "position is null");
    }

    /** A row with its values. */
    public static SourceRow of(long line, Map<String, String> values, String raw, String position) {
        return new SourceRow(line, values, raw, null, position);
    }

    /** A row that could not be split into columns. */
    public static SourceRow broken(long line, String raw, String problem, String position) {
        return new SourceRow(line, Map.of(), raw, requireNonNull(problem, "problem is null"), position);
    }
}
