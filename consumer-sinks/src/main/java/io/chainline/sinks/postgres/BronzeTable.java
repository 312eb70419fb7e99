package io.chainline.sinks.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.chainline.sinks.postgres.PostgresSinkSettings.quote;
import static java.util.Objects.requireNonNull;

/**
 * The SQL of one bronze table: creating it and its schema when missing, the session's staging table, the COPY
 * into staging and the insert from staging that skips records stored before.
 */
final class BronzeTable {
    private static final Logger LOG = LoggerFactory.getLogger(BronzeTable.class);

    /** The columns a batch fills, in COPY order; {@code ingested_at} takes its default. */
    static final String COLUMNS = "topic_id, partition, \"offset\", topic, kafka_key, kafka_time, payload";

    private static final String PRIMARY_KEY = "topic_id, partition, \"offset\"";
    // First key of pg_advisory_xact_lock(int, int): the namespace of Chainline's DDL locks.
    private static final int DDL_LOCK_NAMESPACE = 0x43484c4e;

    private final PostgresSinkSettings settings;
    private final String quotedName;
    private final String stagingTable;
    private final String stagingName;

    BronzeTable(PostgresSinkSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.quotedName = settings.quotedName();
        // One staging table per target, so a pooled connection that served another table finds its own.
        this.stagingTable = quote("bronze_batch_" + Integer.toHexString(quotedName.hashCode()));
        // Qualified, so that a permanent table of the same name on the search path is never used instead.
        this.stagingName = "pg_temp." + stagingTable;
    }

    /** The table as people read it: {@code raw.supply_chain_data}. */
    String displayName() {
        return settings.displayName();
    }

    /**
     * Creates the schema and the table unless they exist, and commits. Creation is serialised by an advisory lock,
     * so sinks starting together do not race; when both exist nothing is created (no privilege to create needed).
     */
    void ensureExists(Connection connection) throws SQLException {
        if (exists(connection)) {
            connection.commit();
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, DDL_LOCK_NAMESPACE);
            lock.setInt(2, quotedName.hashCode());
            lock.execute();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(settings.schema()));
            statement.execute(createTableSql());
        }
        connection.commit();
        LOG.info("bronze table {} is ready", displayName());
    }

    /** Creates this session's staging table unless it exists; part of the caller's transaction. */
    void ensureStaging(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE IF NOT EXISTS " + stagingTable + " (LIKE " + quotedName
                    + " INCLUDING DEFAULTS) ON COMMIT DELETE ROWS");
        }
    }

    /** {@code COPY} of {@link #COLUMNS} into the staging table, text format, from the client. */
    String copySql() {
        return "COPY " + stagingName + " (" + COLUMNS + ") FROM STDIN";
    }

    /** Inserts the staged rows that are not stored yet; its update count is the number of new rows. */
    String insertSql() {
        return "INSERT INTO " + quotedName + " (" + COLUMNS + ") SELECT " + COLUMNS + " FROM " + stagingName
                + " ON CONFLICT (" + PRIMARY_KEY + ") DO NOTHING";
    }

    /** The bronze table's definition. */
    String createTableSql() {
        return "CREATE TABLE IF NOT EXISTS " + quotedName + " ("
                + "topic_id uuid NOT NULL, "
                + "partition integer NOT NULL, "
                + "\"offset\" bigint NOT NULL, "
                + "topic text NOT NULL, "
                + "kafka_key text, "
                + "kafka_time timestamptz, "
                + "ingested_at timestamptz NOT NULL DEFAULT now(), "
                + "payload jsonb NOT NULL, "
                + "PRIMARY KEY (" + PRIMARY_KEY + "))";
    }

    private boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT to_regnamespace(?) IS NOT NULL AND to_regclass(?) IS NOT NULL")) {
            query.setString(1, quote(settings.schema()));
            query.setString(2, quotedName);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
