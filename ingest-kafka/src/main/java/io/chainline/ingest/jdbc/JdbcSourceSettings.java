package io.chainline.ingest.jdbc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.typesafe.config.Config;

import io.chainline.core.config.Secret;
import io.chainline.core.config.SettingsReader;
import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.redact.Redactor;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.ingest.jdbc}: the JDBC offline store, a table or a query read incrementally by a cursor column.
 *
 * @param url the JDBC URL; empty when no offline store is configured
 * @param user the database user; empty to leave authentication to the URL or the properties
 * @param password the user's password
 * @param table the table to read, optionally schema-qualified; empty when {@code query} is set
 * @param query the SELECT to read; empty when {@code table} is set
 * @param cursorColumn the increasing column that orders the rows and marks positions, optionally qualified
 * @param fetchSize rows fetched per round trip
 * @param columnMapping DataCo header -> source column name, for columns named differently
 * @param properties extra JDBC connection properties
 */
public record JdbcSourceSettings(
        String url,
        String user,
        Secret password,
        Optional<String> table,
        Optional<String> query,
        String cursorColumn,
        int fetchSize,
        Map<String, String> columnMapping,
        Map<String, String> properties) {
    /** The configuration subtree these settings are read from. */
    public static final String PREFIX = "chainline.ingest.jdbc";

    /** An SQL identifier as written unquoted, optionally qualified by one other: {@code sales.orders}. */
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    private static final String IDENTIFIER_RULE =
            "letters, digits, '_' and '$', not starting with a digit, at most one '.'";

    public JdbcSourceSettings {
        requireNonNull(url, "url is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(table, "table is null");
        requireNonNull(query, "query is null");
        requireNonNull(cursorColumn, "cursorColumn is null");
        columnMapping = Map.copyOf(requireNonNull(columnMapping, "columnMapping is null"));
        properties = Map.copyOf(requireNonNull(properties, "properties is null"));
        if (!url.isEmpty() && table.isPresent() == query.isPresent()) {
            throw new IllegalArgumentException(
                    "exactly one of table and query must be set, got table " + table + " and query " + query);
        }
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be >= 1, got " + fetchSize);
        }
    }

    /** Reads and validates {@code chainline.ingest.jdbc}, reporting every problem at once. */
    public static JdbcSourceSettings from(Config config) {
        SettingsReader read = SettingsReader.of(config, PREFIX);
        String url = read.string("url").trim();
        String user = read.string("user").trim();
        Secret password = read.secret("password");
        Optional<String> table = read.optionalString("table");
        Optional<String> query = read.optionalString("query");
        String cursorColumn = read.nonEmptyString("cursor-column").trim();
        int fetchSize = read.intAtLeast("fetch-size", 1);
        Map<String, String> columnMapping = read.stringMap("column-mapping");
        Map<String, String> properties = read.stringMap("properties");

        if (!url.isEmpty() && !url.startsWith("jdbc:")) {
            read.problem("url", Redactor.redactText(url), "must be a JDBC URL starting with 'jdbc:'");
        }
        table.filter(name -> !IDENTIFIER.matcher(name).matches())
                .ifPresent(name -> read.problem(
                        "table",
                        name,
                        "must be a table name, optionally schema-qualified (sales.orders): " + IDENTIFIER_RULE));
        if (!cursorColumn.isEmpty() && !IDENTIFIER.matcher(cursorColumn).matches()) {
            read.problem(
                    "cursor-column",
                    cursorColumn,
                    "must be a column name, optionally table-qualified (orders.order_item_id): " + IDENTIFIER_RULE);
        }
        query.ifPresent(sql -> checkQuery(read, sql));
        if (!url.isEmpty() && table.isPresent() && query.isPresent()) {
            read.problem(
                    "query",
                    query.get(),
                    "must be empty when '" + read.key("table") + "' is set: set exactly one of table and query");
        } else if (!url.isEmpty() && table.isEmpty() && query.isEmpty()) {
            read.problem(
                    "table",
                    "",
                    "must be set, or '" + read.key("query") + "' instead, when '" + read.key("url") + "' is set");
        }
        columnMapping.forEach((header, column) -> checkMapping(read, header, column));
        read.throwIfInvalid();
        return new JdbcSourceSettings(
                url, user, password, table, query, cursorColumn, fetchSize, columnMapping, properties);
    }

    /** Whether an offline store is configured, i.e. the URL is set. */
    public boolean configured() {
        return !url.isEmpty();
    }

    /** The URL with any password in it masked, for messages and reports. */
    public String redactedUrl() {
        return Redactor.redactText(url);
    }

    /** The settings with the password hidden and the URL and secret-looking properties redacted. */
    @Override
    public String toString() {
        Map<String, String> shownProperties = new LinkedHashMap<>();
        properties.forEach((key, value) -> shownProperties.put(key, Redactor.redactValue(key, value)));
        return "JdbcSourceSettings[url=" + redactedUrl() + ", user=" + user + ", password=" + password
                + ", table=" + table.orElse("") + ", query="
                + query.map(Redactor::redactText).orElse("")
                + ", cursorColumn=" + cursorColumn + ", fetchSize=" + fetchSize
                + ", columnMapping=" + columnMapping + ", properties=" + shownProperties + "]";
    }

    private static void checkQuery(SettingsReader read, String sql) {
        String start = sql.split("\\s", 2)[0].toLowerCase(Locale.ROOT);
        if (!start.equals("select") && !start.equals("with")) {
            read.problem("query", sql, "must be a SELECT (or WITH ... SELECT) query");
        } else if (sql.endsWith(";")) {
            read.problem("query", sql, "must not end with ';': it is read as a subquery");
        }
    }

    private static void checkMapping(SettingsReader read, String header, String column) {
        if (DataCoColumn.byHeader(header).isEmpty()) {
            String known = DataCoColumn.headers().stream().limit(3).collect(Collectors.joining("', '", "'", "'"));
            read.problem("column-mapping", header, "keys must be DataCo header names such as " + known);
        } else if (column.isBlank()) {
            read.problem("column-mapping", header + " = " + column, "must map the header to a source column name");
        }
    }
}
