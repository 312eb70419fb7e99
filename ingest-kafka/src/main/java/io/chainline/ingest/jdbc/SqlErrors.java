package io.chainline.ingest.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import io.chainline.core.config.Secret;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.redact.Redactor;

/**
 * Turns {@link SQLException}s into Chainline's exceptions at the JDBC boundary: retriable when the SQLState says
 * the connection or the server failed for now, permanent otherwise (bad credentials, a missing table, bad SQL).
 * Messages keep the driver's text with secrets masked.
 */
final class SqlErrors {
    /**
     * SQLState classes of transient failures: 08 connection exception, 53 insufficient resources, 57 operator
     * intervention (server shutting down), 40 transaction rollback (serialization failure, deadlock). See
     * https://www.postgresql.org/docs/current/errcodes-appendix.html.
     */
    private static final Set<String> RETRIABLE_CLASSES = Set.of("08", "53", "57", "40");

    private SqlErrors() {
    }

    /** Whether the failure may pass when the same call is made again later. */
    static boolean retriable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException || e instanceof SQLRecoverableException
                || state != null && state.length() >= 2 && RETRIABLE_CLASSES.contains(state.substring(0, 2));
    }

    /**
     * The exception to throw for {@code e}.
     *
     * @param action what failed, naming its subject: "Connecting to jdbc:postgresql://db/shop table orders"
     * @param password the connection's password, masked wherever the driver's message repeats it
     */
    static ChainlineException wrap(String action, SQLException e, Secret password) {
        String detail = Redactor.redactText(String.valueOf(e.getMessage()));
        if (!password.isEmpty()) {
            detail = detail.replace(password.reveal(), Redactor.HIDDEN);
        }
        String message = action + " failed: " + detail
                + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")");
        return retriable(e) ? new RetriableException(message, e) : new ChainlineException(message, e);
    }
}
