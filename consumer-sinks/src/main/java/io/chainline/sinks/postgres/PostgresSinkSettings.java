package io.chainline.sinks.postgres;

import java.util.regex.Pattern;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.sinks.postgres}: where the bronze table lives.
 *
 * @param schema the table's schema, created when missing; a lower-case identifier not starting with {@code pg_}
 * @param table the bronze table, created when missing; a lower-case identifier
 */
public record PostgresSinkSettings(String schema, String table) {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String IDENTIFIER_RULE =
            "must be a lower-case PostgreSQL identifier: a letter or _ then up to 62 letters, digits or _";
    // PostgreSQL reserves schema names starting with pg_ for the system.
    private static final String RESERVED_SCHEMA_PREFIX = "pg_";

    /**
     * @throws IllegalArgumentException when {@code schema} or {@code table} is not an identifier of the allowed form
     */
    public PostgresSinkSettings {
        String schemaProblem = schemaProblem(requireNonNull(schema, "schema is null"));
        if (schemaProblem != null) {
            throw new IllegalArgumentException("Schema '" + schema + "' " + schemaProblem);
        }
        if (!IDENTIFIER.matcher(requireNonNull(table, "table is null")).matches()) {
            throw new IllegalArgumentException("Table '" + table + "' " + IDENTIFIER_RULE);
        }
    }

    /** Reads and validates {@code chainline.sinks.postgres}, reporting every problem at once. */
    public static PostgresSinkSettings from(Config config) {
        requireNonNull(config, "config is null");
        SettingsReader read = SettingsReader.of(config, "chainline.sinks.postgres");
        String schema = read.string("schema");
        String schemaProblem = schemaProblem(schema);
        if (schemaProblem != null) {
            read.problem("schema", schema, schemaProblem);
        }
        String table = read.string("table");
        if (!IDENTIFIER.matcher(table).matches()) {
            read.problem("table", table, IDENTIFIER_RULE);
        }
        read.throwIfInvalid();
        return new PostgresSinkSettings(schema, table);
    }

    /** The table's name as SQL text, each part double-quoted: {@code "raw"."supply_chain_data"}. */
    public String quotedName() {
        return quote(schema) + "." + quote(table);
    }

    /** The table's name as people read it: {@code raw.supply_chain_data}. */
    public String displayName() {
        return schema + "." + table;
    }

    /** {@code identifier} double-quoted for SQL; the settings only admit identifiers that need no escaping. */
    static String quote(String identifier) {
        return "\"" + identifier + "\"";
    }

    private static String schemaProblem(String schema) {
        if (!IDENTIFIER.matcher(schema).matches()) {
            return IDENTIFIER_RULE;
        }
        if (schema.startsWith(RESERVED_SCHEMA_PREFIX)) {
            return "must not start with '" + RESERVED_SCHEMA_PREFIX + "' (reserved for PostgreSQL's own schemas)";
        }
        return null;
    }
}
