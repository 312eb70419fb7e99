package io.chainline.core.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import io.chainline.core.config.Secret;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.redact.Redactor;

import static java.util.Objects.requireNonNull;

/**
 * Turns {@link SQLException}s into Chainline's exceptions at every JDBC boundary: retriable when the SQLState says
 * the connection or the server failed for now, permanent otherwise (bad credentials, bad data, a missing table,
 * missing privileges). Messages keep the driver's text with secrets masked, and the cause.
 */
public final class SqlFailures {
    /**
     * SQLState classes of transient failures: 08 connection exception, 53 insufficient resources, 57 operator
     * intervention (server shutting down), 40 transaction rollback (serialization failure, deadlock). See
     * https://www.postgresql.org/docs/current/errcodes-appendix.html.
     */
    private static final Set<String> RETRIABLE_CLASSES = Set.of("08", "53", "57", "40");

    private SqlFailures() {}

    /** Whether the same call may pass when it is made again later. */
    public static boolean retriable(SQLException e) {
        requireNonNull(e, "e is null");
        String state = e.getSQLState();
        return e instanceof SQLTransientException
                || e instanceof SQLRecoverableException
                || state != null && state.length() >= 2 && RETRIABLE_CLASSES.contains(state.substring(0, 2));
    }

    /**
     * The exception to throw for {@code e}, keeping it as the cause.
     *
     * @param action what failed, naming its subject: "Writing 12 records to bronze table raw.supply_chain_data"
     */
    public static ChainlineException translate(String action, SQLException e) {
        return translate(action, e, Secret.empty());
    }

    /**
     * The exception to throw for {@code e}, masking {@code password} wherever the driver's message repeats it.
     *
     * @param action what failed, naming its subject: "Connecting to jdbc:postgresql://db/shop"
     */
    public static ChainlineException translate(String action, SQLException e, Secret password) {
        requireNonNull(action, "action is null");
        requireNonNull(password, "password is null");
        String detail = Redactor.redactText(String.valueOf(e.getMessage()));
        if (!password.isEmpty()) {
            detail = detail.replace(password.reveal(), Redactor.HIDDEN);
        }
        String message =
                action + " failed: " + detail + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")");
        return retriable(e) ? new RetriableException(message, e) : new ChainlineException(message, e);
    }
}
