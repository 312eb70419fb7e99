package io.chainline.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * The write limit: a plain {@link CopyManager} {@code COPY ... (FORMAT csv)} of the topic's records into a fresh
 * table of the bronze layout, from CSV bytes in memory built before the clock starts, with the values the sink
 * writes (payload as its JSON text). The records go in slices of {@value #SLICE_ROWS} rows (one COPY each, one
 * transaction in all) so that a 10x topic needs no 3 GB array; the clock runs only during the COPYs and the commit.
 */
final class CopyLimit {
    /** Rows per COPY: the whole dataset (180,519 rows, about 350 MB of CSV) in one. */
    static final int SLICE_ROWS = 200_000;

    private final String bootstrap;

    CopyLimit(String bootstrap) {
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
    }

    /**
     * Copies every record of {@code topic} into {@code table}, then counts and drops it.
     *
     * @return the rows found in the table and the time the COPYs and the commit took
     * @throws ChainlineException when the database fails
     */
    TimedRows run(String topic, UUID topicId, BenchTable table) {
        String sql = "COPY " + table.qualified() + " (" + BenchTable.COLUMNS + ") FROM STDIN (FORMAT csv)";
        long nanos = 0;
        try (TopicReader reader = new TopicReader(bootstrap, topic);
                Connection connection = table.connect()) {
            table.create(connection);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            byte[] id = topicId.toString().getBytes(StandardCharsets.US_ASCII);
            for (List<ConsumerRecord<String, byte[]>> slice = reader.next(SLICE_ROWS);
                    !slice.isEmpty();
                    slice = reader.next(SLICE_ROWS)) {
                CsvBuffer csv = new CsvBuffer(slice.size() * 2304);
                for (ConsumerRecord<String, byte[]> record : slice) {
                    csv.row(id, record);
                }
                long start = System.nanoTime();
                copy.copyIn(sql, csv.input());
                nanos += System.nanoTime() - start;
            }
            long start = System.nanoTime();
            connection.commit();
            nanos += System.nanoTime() - start;
            return new TimedRows(table.countAndDrop(), Duration.ofNanos(nanos), 0);
        } catch (SQLException | IOException e) {
            throw new ChainlineException(
                    "The COPY of topic '" + topic + "' into " + table.qualified() + " failed: " + e, e);
        }
    }

    /** CSV rows in memory, read back without a copy. */
    static final class CsvBuffer extends ByteArrayOutputStream {
        CsvBuffer(int capacity) {
            super(capacity);
        }

        /** Appends one row: topic id, partition, offset, topic, key, Kafka time, payload. */
        void row(byte[] topicId, ConsumerRecord<String, byte[]> record) {
            writeBytes(topicId);
            write(',');
            ascii(Integer.toString(record.partition()));
            write(',');
            ascii(Long.toString(record.offset()));
            write(',');
            quoted(record.topic().getBytes(StandardCharsets.UTF_8));
            write(',');
            if (record.key() != null) {
                quoted(record.key().getBytes(StandardCharsets.UTF_8));
            }
            write(',');
            if (record.timestamp() >= 0) {
                ascii(Instant.ofEpochMilli(record.timestamp()).toString());
            }
            write(',');
            quoted(record.value());
            write('\n');
        }

        InputStream input() {
            return new ByteArrayInputStream(buf, 0, count);
        }

        private void ascii(String text) {
            writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        }

        /** A quoted CSV field: quotes doubled; no byte of a multi-byte UTF-8 sequence is a quote. */
        private void quoted(byte[] value) {
            write('"');
            int from = 0;
            for (int i = 0; i < value.length; i++) {
                if (value[i] == '"') {
                    write(value, from, i + 1 - from);
                    write('"');
                    from = i + 1;
                }
            }
            write(value, from, value.length - from);
            write('"');
        }
    }
}
