package io.chainline.sinks.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.jdbc.SqlFailures;
import io.chainline.sinks.spi.RawBatch;
import io.chainline.sinks.spi.RawRecord;
import io.chainline.sinks.spi.RawSink;
import io.chainline.sinks.spi.SinkStats;

import static java.util.Objects.requireNonNull;

/**
 * The {@value #TYPE} sink: stores every record in the bronze table (by default {@code raw.supply_chain_data}),
 * keyed by (topic id, partition, offset), with the record value as {@code jsonb}. The schema and the table are
 * created when missing.
 *
 * <p>Each {@link #write} is one transaction: the batch is streamed with {@code COPY} into a staging table of the
 * session, then inserted into the bronze table with {@code ON CONFLICT DO NOTHING}, so records stored before
 * (replays after a restart, another consumer's rows) are skipped and counted as such. A write is durable when it
 * returns, so {@link #flush()} has nothing to do.
 *
 * <p>The sink keeps one connection for its life, opened on {@link #assigned} or the first write. A failed write is
 * rolled back and leaves the sink usable: a broken connection is dropped and a new one opened by the next call.
 * Failures of the connection or the server are {@link io.chainline.core.error.RetriableException}s; others (bad
 * data, a table of another shape) are {@link ChainlineException}s, a value PostgreSQL refuses a
 * {@link io.chainline.core.error.DataQualityException}; their messages never quote row data. Used from one consumer thread at a time;
 * {@link #stats()} and {@link #durableUpTo()} may be read from any thread.
 */
public final class PostgresRawSink implements RawSink {
    /** This sink's type name. */
    public static final String TYPE = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresRawSink.class);
    private static final int COPY_BUFFER_BYTES = 256 * 1024;
    private static final int VALIDITY_TIMEOUT_SECONDS = 5;

    private final ConnectionSource connections;
    private final BronzeTable table;
    private final CopyTextWriter copyWriter = new CopyTextWriter(COPY_BUFFER_BYTES);
    private final BronzeRowEncoder encoder = new BronzeRowEncoder();
    private final Map<Integer, Long> durable = new HashMap<>();

    private Connection connection;
    private boolean stagingReady;
    private boolean closed;
    private long rows;
    private long skipped;
    private long bytes;
    private long busyNanos;
    private volatile Map<Integer, Long> durableView = Map.of();
    private volatile SinkStats statsView = new SinkStats(0, 0, 0, 0, 0);

    /**
     * Creates a sink; it connects on {@link #assigned} or the first write.
     *
     * @param settings the bronze table
     * @param connections opens the sink's connection (and a new one after a broken one)
     */
    public PostgresRawSink(PostgresSinkSettings settings, ConnectionSource connections) {
        this.table = new BronzeTable(requireNonNull(settings, "settings is null"));
        this.connections = requireNonNull(connections, "connections is null");
    }

    /** Connects, unless connected, and creates the schema and table when missing. */
    @Override
    public void assigned(String topic, String topicId, Collection<Integer> partitions) {
        requireNonNull(topic, "topic is null");
        requireNonNull(topicId, "topicId is null");
        requireNonNull(partitions, "partitions is null");
        checkOpen();
        connection();
    }

    /**
     * Stores the batch's records in one transaction and advances {@link #durableUpTo()} to the batch's
     * {@link RawBatch#consumedUpTo()}; a batch without records only advances it.
     *
     * @throws io.chainline.core.error.RetriableException when the connection or the server fails
     * @throws ChainlineException when PostgreSQL refuses the rows (the message names the table and, for a refused
     *     value, the record's Kafka coordinates, never its data)
     */
    @Override
    public void write(RawBatch batch) {
        requireNonNull(batch, "batch is null");
        checkOpen();
        long start = System.nanoTime();
        try {
            if (!batch.records().isEmpty()) {
                store(batch.records());
            }
            batch.consumedUpTo().forEach((partition, offset) -> durable.merge(partition, offset, Math::max));
            durableView = Map.copyOf(durable);
        } finally {
            busyNanos += System.nanoTime() - start;
            statsView = new SinkStats(rows, skipped, 0, bytes, busyNanos);
        }
    }

    /** Nothing to do: every write is committed before it returns. */
    @Override
    public void flush() {
        checkOpen();
    }

    /** Forgets the durable offsets of {@code partitions}; their rows stay stored. */
    @Override
    public void revoked(Collection<Integer> partitions) {
        requireNonNull(partitions, "partitions is null");
        partitions.forEach(durable::remove);
        durableView = Map.copyOf(durable);
    }

    /** Per partition, the highest {@link RawBatch#consumedUpTo()} of the batches written (all committed). */
    @Override
    public Map<Integer, Long> durableUpTo() {
        return durableView;
    }

    /** Rows inserted, records skipped as stored before, COPY bytes sent and time spent in writes. */
    @Override
    public SinkStats stats() {
        return statsView;
    }

    /** Closes the connection; calling it again does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        discardConnection();
    }

    private void store(List<RawRecord> records) {
        Connection current = connection();
        try {
            if (!stagingReady) {
                table.ensureStaging(current);
            }
            long copied = copy(current, records);
            int inserted;
            try (Statement insert = current.createStatement()) {
                inserted = insert.executeUpdate(table.insertSql());
            }
            current.commit();
            stagingReady = true;
            rows += inserted;
            skipped += records.size() - inserted;
            bytes += copied;
            LOG.debug(
                    "{} records to {}: {} new, {} stored before",
                    records.size(),
                    table.displayName(),
                    inserted,
                    records.size() - inserted);
        } catch (SQLException e) {
            rollbackOrDiscard(current);
            throw BronzeFailures.translate(
                    "Writing " + records.size() + " records to bronze table " + table.displayName(), e, records);
        } catch (RuntimeException e) {
            rollbackOrDiscard(current);
            throw e;
        }
    }

    private long copy(Connection current, List<RawRecord> records) throws SQLException {
        CopyIn copyIn = current.unwrap(PGConnection.class).getCopyAPI().copyIn(table.copySql());
        try {
            copyWriter.begin((buffer, length) -> copyIn.writeToCopy(buffer, 0, length));
            for (RawRecord record : records) {
                encoder.write(record, copyWriter);
            }
            copyWriter.flush();
            copyIn.endCopy();
            return copyWriter.bytesWritten();
        } finally {
            if (copyIn.isActive()) {
                cancel(copyIn);
            }
        }
    }

    private Connection connection() {
        if (connection != null) {
            return connection;
        }
        Connection opened;
        try {
            opened = connections.open();
        } catch (SQLException e) {
            throw SqlFailures.translate("Connecting to PostgreSQL for bronze table " + table.displayName(), e);
        }
        if (opened == null) {
            throw new ChainlineException("Connecting to PostgreSQL for bronze table " + table.displayName()
                    + " failed: the connection source returned no connection");
        }
        try {
            opened.setAutoCommit(false);
            table.ensureExists(opened);
        } catch (SQLException e) {
            closeQuietly(opened);
            throw SqlFailures.translate("Creating bronze table " + table.displayName(), e);
        }
        connection = opened;
        stagingReady = false;
        return opened;
    }

    private void rollbackOrDiscard(Connection current) {
        try {
            current.rollback();
            if (!current.isClosed() && current.isValid(VALIDITY_TIMEOUT_SECONDS)) {
                return;
            }
        } catch (SQLException e) {
            LOG.debug("rollback on the connection to bronze table {} failed", table.displayName(), e);
        }
        LOG.warn("connection to bronze table {} is broken; the next write opens a new one", table.displayName());
        discardConnection();
    }

    private void discardConnection() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
            stagingReady = false;
        }
    }

    private void cancel(CopyIn copyIn) {
        try {
            copyIn.cancelCopy();
        } catch (SQLException e) {
            LOG.debug("cancelling the COPY into bronze table {} failed", table.displayName(), e);
        }
    }

    private void closeQuietly(Connection toClose) {
        try {
            toClose.close();
        } catch (SQLException e) {
            LOG.warn("closing the connection to bronze table {} failed: {}", table.displayName(), e.getMessage());
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "The PostgreSQL sink of bronze table " + table.displayName() + " is closed");
        }
    }
}
