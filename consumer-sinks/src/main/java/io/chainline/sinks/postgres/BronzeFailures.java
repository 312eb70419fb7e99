package io.chainline.sinks.postgres;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.jdbc.SqlFailures;
import io.chainline.core.raw.KafkaCoordinates;
import io.chainline.sinks.spi.RawRecord;

/**
 * Turns a failed bronze write into Chainline's exception without copying row data into the message. PostgreSQL's
 * detail and context of a refused value quote the JSON around it (names, e-mail addresses), and the message ends up
 * in reports and logs; so only the server's primary message and SQLState are kept, plus the Kafka coordinates of the
 * record a COPY error names. The cause keeps the full text for a debugger.
 */
final class BronzeFailures {
    /** The COPY context line, {@code COPY bronze_batch_1a2b, line 40, column payload: "..."}. */
    private static final Pattern COPY_LINE = Pattern.compile("COPY \\S+, line (\\d+)");

    private BronzeFailures() {}

    /**
     * The exception for {@code e}: retriable when the connection or the server failed, a data-quality failure for
     * a refused value (SQLState class 22), otherwise a plain {@link ChainlineException}.
     *
     * @param action what failed, e.g. "Writing 12 records to bronze table raw.supply_chain_data"
     * @param records the records of the COPY, in order, to name the one a COPY error points at
     */
    static ChainlineException translate(String action, SQLException e, List<RawRecord> records) {
        ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server == null) {
            return SqlFailures.translate(action, e);
        }
        String state = e.getSQLState();
        String message = action + " failed: " + server.getMessage() + record(server.getWhere(), records)
                + (state == null ? "" : " (SQLState " + state + ")");
        if (SqlFailures.retriable(e)) {
            return new RetriableException(message, e);
        }
        if (state != null && state.startsWith("22")) {
            return new DataQualityException(message, e);
        }
        return new ChainlineException(message, e);
    }

    private static String record(String where, List<RawRecord> records) {
        if (where == null) {
            return "";
        }
        Matcher line = COPY_LINE.matcher(where);
        if (!line.find()) {
            return "";
        }
        int index = Integer.parseInt(line.group(1)) - 1;
        if (index < 0 || index >= records.size()) {
            return "";
        }
        KafkaCoordinates at = records.get(index).coordinates();
        return " (record " + at.topic() + "/" + at.partition() + "@" + at.offset() + ")";
    }
}
