package io.chainline.ingest.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ConfigException;
import io.chainline.core.jdbc.SqlFailures;
import io.chainline.ingest.source.SourceInput;
import io.chainline.ingest.source.SourceReader;

import static java.util.Objects.requireNonNull;

/**
 * The configured table or query of the offline store. Each {@link #open(String)} runs one query for the rows whose
 * cursor is at least the committed position's value, in cursor order, and streams them but those of that value sent
 * already ({@link JdbcPosition}); rows added later are read by the next open, so the input is never finished for
 * good.
 */
final class JdbcTableInput implements SourceInput {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTableInput.class);

    private final JdbcSourceSettings settings;

    JdbcTableInput(JdbcSourceSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        if (!settings.configured()) {
            throw new IllegalArgumentException("settings name no offline store: the url is empty");
        }
    }

    /**
     * The database and the table: {@code <url without credentials>|<table>}, or {@code <url without
     * credentials>|query:<first 16 hex digits of the query's SHA-256>}, so that another database's table of the same
     * name has its own position. A URL that would make the key longer than 200 characters is replaced by its hash.
     */
    @Override
    public String key() {
        String url = JdbcUrlIdentity.of(settings.url());
        String key = url + "|" + what();
        return key.length() <= 200 ? key : "jdbc:sha256:" + sha256(url).substring(0, 16) + "|" + what();
    }

    /** {@code jdbc:<table>} or {@code jdbc:query:<hash>}, as positions were keyed before the key named the URL. */
    @Override
    public List<String> formerKeys() {
        return List.of("jdbc:" + what());
    }

    /** {@code cursor value 300 (2 rows of it sent)}. */
    @Override
    public String describePosition(String position) {
        return JdbcPosition.parse(position).describe();
    }

    private String what() {
        return settings.table()
                .orElseGet(
                        () -> "query:" + sha256(settings.query().orElseThrow()).substring(0, 16));
    }

    @Override
    public String description() {
        return settings.redactedUrl()
                + settings.table()
                        .map(table -> " table " + table)
                        .orElseGet(
                                () -> " query " + settings.query().orElseThrow().replaceAll("\\s+", " "));
    }

    @Override
    public boolean finite() {
        return false;
    }

    /**
     * Connects and starts streaming the rows after {@code committedPosition}.
     *
     * @throws io.chainline.core.error.DataQualityException when DataCo headers have no column (all are listed)
     * @throws ConfigException when no driver accepts the URL, or the cursor column is missing or not orderable
     * @throws io.chainline.core.error.RetriableException when the database cannot be reached for now
     * @throws io.chainline.core.error.ChainlineException on any other database failure
     */
    @Override
    public SourceReader open(String committedPosition) {
        Connection connection = connect();
        try {
            connection.setAutoCommit(false);
            SqlIdentifiers identifiers = SqlIdentifiers.of(connection.getMetaData());
            String from = settings.table()
                    .map(identifiers::quote)
                    .orElseGet(() -> "(" + settings.query().orElseThrow() + ") src");
            ColumnLayout layout = probe(connection, from);
            String cursor = identifiers.quote(ColumnLayout.unqualified(settings.cursorColumn()));
            JdbcPosition after = committedPosition == null ? null : JdbcPosition.parse(committedPosition);
            // At least the committed value: rows tied with it may have come after the commit; the reader skips the
            // ones the position says were sent.
            String sql = "SELECT * FROM " + from + " WHERE " + cursor + (after == null ? " IS NOT NULL" : " >= ?")
                    + " ORDER BY " + cursor;
            PreparedStatement statement =
                    connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(settings.fetchSize());
            if (after != null) {
                layout.cursor().bind(statement, 1, after.cursor());
            }
            ResultSet rows = statement.executeQuery();
            LOG.info("Reading {} {}", description(), after == null ? "from the start" : "from " + after.describe());
            return new JdbcRowReader(connection, statement, rows, layout, description(), settings.password(), after);
        } catch (SQLException e) {
            JdbcRowReader.closeQuietly(connection, description());
            throw SqlFailures.translate("Querying " + description(), e, settings.password());
        } catch (RuntimeException e) {
            JdbcRowReader.closeQuietly(connection, description());
            throw e;
        }
    }

    private Connection connect() {
        try {
            DriverManager.getDriver(settings.url());
        } catch (SQLException e) {
            throw new ConfigException(
                    "Invalid value '" + settings.redactedUrl() + "' for '" + JdbcSourceSettings.PREFIX
                            + ".url': no JDBC driver on the classpath accepts it",
                    e);
        }
        Properties properties = new Properties();
        properties.putAll(settings.properties());
        if (!settings.user().isEmpty()) {
            properties.setProperty("user", settings.user());
        }
        if (!settings.password().isEmpty()) {
            properties.setProperty("password", settings.password().reveal());
        }
        try {
            return DriverManager.getConnection(settings.url(), properties);
        } catch (SQLException e) {
            throw SqlFailures.translate("Connecting to " + description(), e, settings.password());
        }
    }

    /** The layout of the source's result, read from a query that returns no rows. */
    private ColumnLayout probe(Connection connection, String from) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + from + " WHERE 1 = 0");
                ResultSet empty = statement.executeQuery()) {
            return ColumnLayout.resolve(empty.getMetaData(), settings, description());
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
