package io.chainline.core.contract;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of parsing one DataCo row: either a {@link ParsedRecord} or every problem the row has (never both,
 * never neither).
 */
public final class RecordParseResult {
    private final ParsedRecord record;
    private final List<ValueParseException> problems;

    private RecordParseResult(ParsedRecord record, List<ValueParseException> problems) {
        this.record = record;
        this.problems = problems;
    }

    /** A row that parsed without problems. */
    public static RecordParseResult valid(ParsedRecord record) {
        requireNonNull(record, "record is null");
        return new RecordParseResult(record, List.of());
    }

    /**
     * A row with problems, in column order.
     *
     * @throws IllegalArgumentException when {@code problems} is empty
     */
    public static RecordParseResult invalid(List<ValueParseException> problems) {
        requireNonNull(problems, "problems is null");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid row needs at least one problem");
        }
        return new RecordParseResult(null, List.copyOf(problems));
    }

    /** Whether the row parsed without problems. */
    public boolean isValid() {
        return record != null;
    }

    /** The parsed record; empty when the row has problems. */
    public Optional<ParsedRecord> record() {
        return Optional.ofNullable(record);
    }

    /** Every problem of the row, in column order; empty when valid. */
    public List<ValueParseException> problems() {
        return problems;
    }

    /** The problems' messages on one line joined with {@code "; "}; {@code ""} when valid. */
    public String describeProblems() {
        return problems.stream().map(ValueParseException::getMessage).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return isValid() ? "RecordParseResult[valid]" : "RecordParseResult[invalid: " + describeProblems() + "]";
    }
}
