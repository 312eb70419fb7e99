package io.chainline.ingest.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.json.Json;

import static java.util.Objects.requireNonNull;

/**
 * How far an offline-store table was read: the cursor value of the last row sent, and the keys of every row with
 * that value sent so far. The next read asks for the rows whose cursor is at least that value and skips those keys,
 * so rows that tie with the last value are neither lost (a transaction ending inside a tie, a row added later with
 * the same value) nor sent twice.
 *
 * <p>Written as {@code {"cursor":"300","keys":["2991","3000"]}}. A plain cursor value, as positions were written
 * before keys were kept, reads as a value without keys: the rows of that value are sent again rather than lost.
 *
 * @param cursor the cursor value as {@link CursorColumn#position} writes it
 * @param keys the keys of the rows with that value already sent ({@link #keyOf})
 */
record JdbcPosition(String cursor, Set<String> keys) {
    private static final ObjectMapper JSON = Json.dataMapper();
    private static final String ORDER_ITEM_ID = DataCoColumn.ORDER_ITEM_ID.header();

    JdbcPosition {
        requireNonNull(cursor, "cursor is null");
        keys = Set.copyOf(requireNonNull(keys, "keys is null"));
    }

    /** The JSON form of the position as {@link #text} wrote it, or a plain cursor value of an older version. */
    static JdbcPosition parse(String text) {
        requireNonNull(text, "text is null");
        if (!text.startsWith("{")) {
            return new JdbcPosition(text, Set.of());
        }
        try {
            Stored stored = JSON.readValue(text, Stored.class);
            if (stored.cursor() == null || stored.keys() == null) {
                throw new ChainlineException("Position '" + text + "' of the offline store has no cursor or keys");
            }
            return new JdbcPosition(stored.cursor(), new LinkedHashSet<>(stored.keys()));
        } catch (IOException e) {
            throw new ChainlineException("Position '" + text + "' of the offline store is not readable", e);
        }
    }

    /** The position as committed; {@code keys} in the order given. */
    static String text(String cursor, Set<String> keys) {
        try {
            return JSON.writeValueAsString(new Stored(cursor, new ArrayList<>(keys)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an offline-store position", e);
        }
    }

    /** What people read in reports: {@code cursor value 300 (2 rows of it sent)}. */
    String describe() {
        return "cursor value " + cursor
                + (keys.isEmpty() ? "" : " (" + keys.size() + (keys.size() == 1 ? " row" : " rows") + " of it sent)");
    }

    /**
     * The key a row is known by within its cursor value: its {@code Order Item Id}, or for a row without one (which
     * the ingest rejects) a hash of the row's text, so that the position never holds row data.
     */
    static String keyOf(Map<String, String> values, String raw) {
        String id = values.get(ORDER_ITEM_ID);
        if (id != null && !id.isBlank()) {
            return id.trim();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /** The JSON shape. */
    record Stored(String cursor, List<String> keys) {}
}
