package io.chainline.ingest.produce;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A rejected row as it goes to the dead-letter topic and the rejects file: the original row, why it was rejected
 * and where it came from, so it can be fixed and replayed.
 *
 * @param reason why the row was rejected, naming the columns (never their values) or the limit it broke
 * @param source the input it came from
 * @param line where in the input
 * @param ingestRun the run that read it
 * @param row the row as read (the CSV record text)
 * @param values the row's values by header, when it could be split into columns
 */
public record DeadLetter(
        String reason, String source, long line, String ingestRun, String row, Map<String, String> values) {

    public DeadLetter {
        requireNonNull(reason, "reason is null");
        requireNonNull(source, "source is null");
        requireNonNull(ingestRun, "ingestRun is null");
        requireNonNull(row, "row is null");
        values = values == null ? Map.of() : values;
    }
}
