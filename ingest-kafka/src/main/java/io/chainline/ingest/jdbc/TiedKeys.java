package io.chainline.ingest.jdbc;

import java.util.LinkedHashSet;
import java.util.Set;

import io.chainline.core.error.ConfigException;

/**
 * The keys of the rows read so far that share the latest cursor value, from which each row's position is written.
 * Starts from the committed position, whose rows of that value stay sent. A position holds every key of its value,
 * and every row read ahead of the producer carries its position, so a cursor with very many rows per value is refused
 * rather than allowed to fill the memory: choose a finer one.
 */
final class TiedKeys {
    /**
     * More rows than this with one cursor value make the cursor too coarse: with about 5,000 rows read ahead, their
     * positions stay within tens of megabytes.
     */
    static final int MAX_TIED_ROWS = 1_000;

    private final String cursorColumn;
    private String cursor;
    private Set<String> keys = new LinkedHashSet<>();

    TiedKeys(JdbcPosition after, String cursorColumn) {
        this.cursorColumn = cursorColumn;
        if (after != null) {
            cursor = after.cursor();
            keys.addAll(after.keys());
        }
    }

    /** Adds a row and returns its position: its cursor value and the keys of every row of that value so far. */
    String add(String rowCursor, String key) {
        if (!rowCursor.equals(cursor)) {
            cursor = rowCursor;
            keys = new LinkedHashSet<>();
        }
        keys.add(key);
        if (keys.size() > MAX_TIED_ROWS) {
            throw new ConfigException("Invalid value '" + cursorColumn + "' for '" + JdbcSourceSettings.PREFIX
                    + ".cursor-column': more than " + MAX_TIED_ROWS + " rows share its value " + cursor
                    + "; a position keeps the keys of the rows of its value so that ties are neither lost nor sent"
                    + " twice, so the cursor must be finer (an increasing id, or a timestamp)");
        }
        return JdbcPosition.text(cursor, keys);
    }
}
