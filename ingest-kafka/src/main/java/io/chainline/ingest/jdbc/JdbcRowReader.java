package io.chainline.ingest.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.config.Secret;
import io.chainline.core.jdbc.SqlFailures;
import io.chainline.core.redact.Redactor;
import io.chainline.ingest.source.SourceReader;
import io.chainline.ingest.source.SourceRow;

import static java.util.Objects.requireNonNull;

/**
 * Streams the rows of one open query as DataCo rows, skipping the rows of the committed position's cursor value that
 * were sent already ({@link JdbcPosition}). Owns the connection, statement and result set, and releases them on
 * {@link #close()}, ending the read-only transaction that keeps the cursor open.
 */
final class JdbcRowReader implements SourceReader {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcRowReader.class);

    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final ColumnLayout layout;
    private final String description;
    private final Secret password;
    private final JdbcPosition after;
    private final TiedKeys ties;
    private long rowNumber;
    private boolean finished;
    private boolean closed;

    JdbcRowReader(
            Connection connection,
            Statement statement,
            ResultSet rows,
            ColumnLayout layout,
            String description,
            Secret password,
            JdbcPosition after) {
        this.connection = requireNonNull(connection, "connection is null");
        this.statement = requireNonNull(statement, "statement is null");
        this.rows = requireNonNull(rows, "rows is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.description = requireNonNull(description, "description is null");
        this.password = requireNonNull(password, "password is null");
        this.after = after;
        this.ties = new TiedKeys(after, layout.cursor().name());
    }

    @Override
    public SourceRow next() {
        if (closed) {
            throw new IllegalStateException("the reader of " + description + " is closed");
        }
        if (finished) {
            return null;
        }
        try {
            while (rows.next()) {
                Map<String, String> values = layout.values(rows);
                String raw = CsvLine.of(values.values());
                // Never null: the query only selects rows whose cursor is not NULL.
                String cursor = layout.cursor().position(rows);
                String key = JdbcPosition.keyOf(values, raw);
                if (after != null
                        && cursor.equals(after.cursor())
                        && after.keys().contains(key)) {
                    continue;
                }
                rowNumber++;
                return SourceRow.of(rowNumber, values, raw, ties.add(cursor, key));
            }
            finished = true;
            return null;
        } catch (SQLException e) {
            throw SqlFailures.translate("Reading row " + (rowNumber + 1) + " of " + description, e, password);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rows.close();
            statement.close();
        } catch (SQLException e) {
            LOG.warn("Closing the query of {} failed: {}", description, Redactor.redactText(e.getMessage()));
        }
        closeQuietly(connection, description);
    }

    /** Ends the (read-only) transaction and closes the connection, logging instead of throwing. */
    static void closeQuietly(Connection connection, String description) {
        try (connection) {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.warn("Closing the connection to {} failed: {}", description, Redactor.redactText(e.getMessage()));
        }
    }
}
