package io.chainline.olap.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

import io.chainline.core.redact.Redactor;

import static java.util.Objects.requireNonNull;

/**
 * A Spark session that the host application runs, which Chainline uses instead of building one: the thread's active
 * session, else the JVM's default one, if it is not stopped. Chainline's settings go into it only where Spark allows
 * it ({@link RuntimeConfig#isModifiable(String)}: runtime SQL settings); a static setting (a core, Hadoop or static
 * SQL one) whose value differs from the host's is a conflict, logged at WARN, and the host's value stays. The
 * runtime settings Chainline changed are put back when {@link #close()} is called, unless the host changed them
 * again meanwhile. Never stops the session.
 */
final class HostSparkSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostSparkSession.class);

    private final SparkSession session;
    private final Map<String, Optional<String>> replaced;
    private final Map<String, String> applied;
    private final List<String> conflicts;

    private HostSparkSession(
            SparkSession session,
            Map<String, Optional<String>> replaced,
            Map<String, String> applied,
            List<String> conflicts) {
        this.session = session;
        this.replaced = replaced;
        this.applied = applied;
        this.conflicts = List.copyOf(conflicts);
    }

    /** The host's running session: the thread's active one, else the default one; empty when neither runs. */
    static Optional<SparkSession> find() {
        return running(SparkSession.getActiveSession()).or(() -> running(SparkSession.getDefaultSession()));
    }

    private static Optional<SparkSession> running(Option<SparkSession> session) {
        return session.isDefined() && !session.get().sparkContext().isStopped()
                ? Optional.of(session.get())
                : Optional.empty();
    }

    /**
     * Uses {@code session} with Chainline's {@code wanted} settings applied where Spark allows it.
     *
     * @param wanted Spark key → value, as {@link SparkSettings#hostConf()} gives them
     */
    static HostSparkSession adopt(SparkSession session, Map<String, String> wanted) {
        requireNonNull(session, "session is null");
        RuntimeConfig conf = session.conf();
        Map<String, Optional<String>> replaced = new LinkedHashMap<>();
        Map<String, String> applied = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        wanted.forEach((key, value) -> {
            Optional<String> current = value(conf, key);
            if (current.equals(Optional.of(value))) {
                return;
            }
            if (conf.isModifiable(key)) {
                conf.set(key, value);
                replaced.put(key, current);
                applied.put(key, value);
            } else {
                String conflict = "Spark setting '" + key + "' is static and cannot change in the host's running"
                        + " session: the host's value " + shown(key, current) + " stays, Chainline's "
                        + shown(key, Optional.of(value)) + " is not used";
                LOG.warn(conflict);
                conflicts.add(conflict);
            }
        });
        LOG.info(
                "Using the host's Spark session {} on {} (chainline.spark.master and app-name are not used);"
                        + " runtime settings applied: {}",
                session.sparkContext().applicationId(),
                session.sparkContext().master(),
                applied.keySet());
        return new HostSparkSession(session, replaced, applied, conflicts);
    }

    /** The session. */
    SparkSession session() {
        return session;
    }

    /** One sentence per static setting whose value Chainline wanted different from the host's. */
    List<String> conflicts() {
        return conflicts;
    }

    /** Puts back the host's values of the runtime settings Chainline changed and that nobody changed since. */
    @Override
    public void close() {
        if (session.sparkContext().isStopped()) {
            return;
        }
        RuntimeConfig conf = session.conf();
        replaced.forEach((key, previous) -> {
            if (Objects.equals(value(conf, key).orElse(null), applied.get(key))) {
                previous.ifPresentOrElse(value -> conf.set(key, value), () -> conf.unset(key));
            }
        });
    }

    @Override
    public String toString() {
        return "the settings Chainline applied to the host's Spark session "
                + session.sparkContext().applicationId();
    }

    private static Optional<String> value(RuntimeConfig conf, String key) {
        Option<String> value = conf.getOption(key);
        return value.isDefined() ? Optional.of(value.get()) : Optional.empty();
    }

    private static String shown(String key, Optional<String> value) {
        return value.map(v -> "'" + Redactor.redactValue(key, v) + "'").orElse("(not set)");
    }
}
