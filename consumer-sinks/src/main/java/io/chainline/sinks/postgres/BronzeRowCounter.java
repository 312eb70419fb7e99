package io.chainline.sinks.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.chainline.core.jdbc.SqlFailures;
import io.chainline.core.raw.OffsetRange;
import io.chainline.core.raw.TopicOffsets;

import static java.util.Objects.requireNonNull;

/**
 * Counts the bronze rows stored for given Kafka offset ranges, by their coordinates: what reconciliation compares
 * with the rows a run sent. Uses the table's primary key (topic_id, partition, offset), one index range per partition.
 */
public final class BronzeRowCounter {
    private final PostgresSinkSettings settings;

    /** @param settings where the bronze table is */
    public BronzeRowCounter(PostgresSinkSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** The number of bronze rows whose coordinates lie in {@code offsets}; 0 when the table does not exist yet. */
    public long count(Connection connection, TopicOffsets offsets) {
        requireNonNull(connection, "connection is null");
        requireNonNull(offsets, "offsets is null");
        String sql = "SELECT count(*) FROM " + settings.quotedName()
                + " WHERE topic_id = ? AND partition = ? AND \"offset\" BETWEEN ? AND ?";
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, settings.quotedName());
            try (ResultSet row = exists.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    return 0;
                }
            }
            long total = 0;
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                for (OffsetRange range : offsets.ranges()) {
                    query.setObject(1, BronzeRowEncoder.toUuid(offsets.topicId(), offsets.topic()));
                    query.setInt(2, range.partition());
                    query.setLong(3, range.first());
                    query.setLong(4, range.last());
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        total += rows.getLong(1);
                    }
                }
            }
            return total;
        } catch (SQLException e) {
            throw SqlFailures.translate(
                    "Counting the bronze rows of " + settings.displayName() + " for " + offsets.topic(), e);
        }
    }
}
