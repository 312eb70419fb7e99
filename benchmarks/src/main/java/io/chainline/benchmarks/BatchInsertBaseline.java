package io.chainline.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * The baseline a JDBC sink connector represents: {@code INSERT}s of the topic's records into a fresh table of the
 * bronze layout with {@link PreparedStatement#executeBatch()}, {@value #BATCH_ROWS} rows per batch, auto-commit off
 * and one commit per batch (the driver's defaults otherwise: no rewriting into multi-row inserts). Each batch's
 * values are read from Kafka and decoded before its clock starts; binding, executing and committing are timed.
 */
final class BatchInsertBaseline {
    static final int BATCH_ROWS = 500;

    private final String bootstrap;

    BatchInsertBaseline(String bootstrap) {
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
    }

    /** One row's values. */
    private record Row(int partition, long offset, String topic, String key, OffsetDateTime time, String payload) {}

    /**
     * Inserts every record of {@code topic} into {@code table}, then counts and drops it.
     *
     * @return the rows found in the table and the time the batches took
     * @throws ChainlineException when the database fails
     */
    TimedRows run(String topic, UUID topicId, BenchTable table) {
        String sql = "INSERT INTO " + table.qualified() + " (" + BenchTable.COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)";
        long nanos = 0;
        try (TopicReader reader = new TopicReader(bootstrap, topic);
                Connection connection = table.connect()) {
            table.create(connection);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (List<ConsumerRecord<String, byte[]>> slice = reader.next(BATCH_ROWS);
                        !slice.isEmpty();
                        slice = reader.next(BATCH_ROWS)) {
                    List<Row> rows = new ArrayList<>(slice.size());
                    for (ConsumerRecord<String, byte[]> record : slice) {
                        rows.add(new Row(
                                record.partition(),
                                record.offset(),
                                record.topic(),
                                record.key(),
                                record.timestamp() < 0
                                        ? null
                                        : OffsetDateTime.ofInstant(
                                                Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC),
                                new String(record.value(), StandardCharsets.UTF_8)));
                    }
                    long start = System.nanoTime();
                    for (Row row : rows) {
                        insert.setObject(1, topicId);
                        insert.setInt(2, row.partition());
                        insert.setLong(3, row.offset());
                        insert.setString(4, row.topic());
                        insert.setString(5, row.key());
                        insert.setObject(6, row.time());
                        insert.setString(7, row.payload());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                    nanos += System.nanoTime() - start;
                }
            }
            return new TimedRows(table.countAndDrop(), Duration.ofNanos(nanos), 0);
        } catch (SQLException e) {
            throw new ChainlineException(
                    "The batched inserts of topic '" + topic + "' into " + table.qualified() + " failed: " + e, e);
        }
    }
}
