package io.chainline.core.contract;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Parses one DataCo row, given as header text to raw string (the shape of the source CSV and of the Kafka JSON
 * value), into a {@link ParsedRecord}, collecting every problem of the row rather than stopping at the first.
 * Keys that are not DataCo headers are ignored; a header that is absent (or maps to {@code null}) counts as an
 * empty value. Stateless and thread-safe.
 */
public final class DataCoRecordParser implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final DataCoColumn[] COLUMNS = DataCoColumn.inFileOrder().toArray(new DataCoColumn[0]);

    private final DataCoValueParser valueParser;

    /**
     * Creates a record parser.
     *
     * @param valueParser parses each value by its column's rule
     */
    public DataCoRecordParser(DataCoValueParser valueParser) {
        this.valueParser = requireNonNull(valueParser, "valueParser is null");
    }

    /**
     * Whether {@link #parse} would return a valid result for {@code row}, without building the typed values: the
     * fast check for validation that keeps only the verdict. Parse a row this rejects for its problems.
     */
    public boolean isValid(Map<String, String> row) {
        requireNonNull(row, "row is null");
        for (DataCoColumn column : COLUMNS) {
            if (!valueParser.isValid(column, row.get(column.header()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses {@code row}, every column in file order.
     *
     * @return a valid result holding the typed record, or an invalid one holding every problem found
     */
    public RecordParseResult parse(Map<String, String> row) {
        requireNonNull(row, "row is null");
        Map<DataCoColumn, Object> values = new EnumMap<>(DataCoColumn.class);
        List<ValueParseException> problems = null;
        for (DataCoColumn column : DataCoColumn.inFileOrder()) {
            try {
                Object value = valueParser.parse(column, row.get(column.header()));
                if (value != null) {
                    values.put(column, value);
                }
            } catch (ValueParseException e) {
                if (problems == null) {
                    problems = new ArrayList<>();
                }
                problems.add(e);
            }
        }
        return problems == null
                ? RecordParseResult.valid(new ParsedRecord(values))
                : RecordParseResult.invalid(problems);
    }
}
