package io.chainline.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A table of the bronze layout in schema {@code raw}, for the limit and the baseline: the same columns, types,
 * default and primary key as the bronze sink's table, which the sink creates itself. Also counts and drops the
 * tables of every measurement, so that a 10x run does not fill the disk.
 *
 * @param jdbcUrl the database
 * @param name the table's name in schema {@code raw}: letters, digits and {@code _} only
 */
record BenchTable(String jdbcUrl, String name) {
    /** The columns the sink fills, in its COPY order; {@code ingested_at} takes its default. */
    static final String COLUMNS = "topic_id, partition, \"offset\", topic, kafka_key, kafka_time, payload";

    static final String USER = "postgres";
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    BenchTable {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(name, "name is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Table name '" + name + "' must be a lower-case identifier");
        }
    }

    /** {@code raw.<name>}. */
    String qualified() {
        return "raw." + name;
    }

    /** A connection as the sink's: user {@value #USER}, auto-commit off. */
    Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, USER, "");
        connection.setAutoCommit(false);
        return connection;
    }

    /** Creates the schema and the table (which must not exist yet) and commits. */
    void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS raw");
            statement.execute("CREATE TABLE " + qualified() + " ("
                    + "topic_id uuid NOT NULL, "
                    + "partition integer NOT NULL, "
                    + "\"offset\" bigint NOT NULL, "
                    + "topic text NOT NULL, "
                    + "kafka_key text, "
                    + "kafka_time timestamptz, "
                    + "ingested_at timestamptz NOT NULL DEFAULT now(), "
                    + "payload jsonb NOT NULL, "
                    + "PRIMARY KEY (topic_id, partition, \"offset\"))");
        }
        connection.commit();
    }

    /** The rows of the table, then drops it. */
    long countAndDrop() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            long rows;
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + qualified())) {
                result.next();
                rows = result.getLong(1);
            }
            statement.execute("DROP TABLE " + qualified());
            connection.commit();
            return rows;
        }
    }
}
