package io.chainline.ingest.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Writes validated identifiers ({@link JdbcSourceSettings#IDENTIFIER}) into SQL quoted, so that reserved words such
 * as {@code order} work. Each part is first folded the way the database folds unquoted names (PostgreSQL to lower
 * case, Oracle and H2 to upper case), so {@code Sales.Orders} names the same table quoted as unquoted.
 */
final class SqlIdentifiers {
    private final String quote;
    private final boolean upper;
    private final boolean lower;

    private SqlIdentifiers(String quote, boolean upper, boolean lower) {
        this.quote = quote;
        this.upper = upper;
        this.lower = lower;
    }

    /** The quoting rules of the connected database. */
    static SqlIdentifiers of(DatabaseMetaData meta) throws SQLException {
        String quote = meta.getIdentifierQuoteString();
        // JDBC returns " " when the database does not support quoted identifiers.
        String usable = quote == null || quote.isBlank() ? "" : quote.trim();
        return new SqlIdentifiers(usable, meta.storesUpperCaseIdentifiers(), meta.storesLowerCaseIdentifiers());
    }

    /** The identifier folded and quoted, each part of a qualified name separately: {@code "sales"."orders"}. */
    String quote(String identifier) {
        requireNonNull(identifier, "identifier is null");
        if (!JdbcSourceSettings.IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not an SQL identifier: '" + identifier + "'");
        }
        StringBuilder quoted = new StringBuilder();
        for (String part : identifier.split("\\.")) {
            String folded = upper ? part.toUpperCase(Locale.ROOT) : lower ? part.toLowerCase(Locale.ROOT) : part;
            if (quoted.length() > 0) {
                quoted.append('.');
            }
            quoted.append(quote).append(folded).append(quote);
        }
        return quoted.toString();
    }
}
