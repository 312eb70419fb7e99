package io.chainline.olap.spark;

import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.stage.StageContext;

import static java.util.Objects.requireNonNull;

/**
 * Gives an injector its one Spark session on first use. When the host application runs a session (the thread's
 * active one, else the JVM's default one), that session is used: Chainline's {@code chainline.spark.conf} (and the
 * gs:// keys of {@code chainline.store.gcs}) are applied only where Spark allows it at runtime, a static setting
 * whose value differs from the host's is reported as a conflict ({@link #conflicts()}), the runtime settings are put
 * back when the run's {@link Lifecycle} closes, and the session is never stopped. Otherwise the factory builds a
 * session from {@link SparkSettings} and registers its stop with the lifecycle. Commands that never ask for a
 * session never start Spark.
 */
public final class SparkSessionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SparkSessionFactory.class);

    private final SparkSettings settings;
    private final Lifecycle lifecycle;
    private SparkSession session;
    private HostSparkSession host;

    /**
     * @param settings what a session of Chainline's own is built with, and what a host's session is asked for
     * @param lifecycle stops a session the factory built, and restores a host's session's settings, when the run ends
     */
    public SparkSessionFactory(SparkSettings settings, Lifecycle lifecycle) {
        this.settings = requireNonNull(settings, "settings is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
    }

    /**
     * The session: the host's running one, or else one built on the first call.
     *
     * @throws IllegalStateException when the lifecycle has already ended (a session built then is stopped again)
     */
    public synchronized SparkSession session() {
        if (session == null) {
            Optional<SparkSession> running = HostSparkSession.find();
            if (running.isPresent()) {
                host = lifecycle.manage(HostSparkSession.adopt(running.get(), settings.hostConf()));
                session = host.session();
            } else {
                session = build();
            }
        }
        return session;
    }

    private SparkSession build() {
        long started = System.nanoTime();
        SparkSession.Builder builder =
                SparkSession.builder().master(settings.master()).appName(settings.appName());
        settings.sessionConf().forEach(builder::config);
        SparkSession created = builder.getOrCreate();
        lifecycle.manage(new SessionStop(created));
        LOG.info(
                "Spark session {} started on {} in {} ms",
                created.sparkContext().applicationId(),
                created.sparkContext().master(),
                (System.nanoTime() - started) / 1_000_000);
        return created;
    }

    /** Whether the session is the host application's, which Chainline uses but never stops. */
    public synchronized boolean isHostSession() {
        return host != null;
    }

    /**
     * One sentence per static Spark setting that Chainline's configuration sets differently from the host's session
     * (naming the key, the host's value and Chainline's); empty for a session the factory built.
     */
    public synchronized List<String> conflicts() {
        return host == null ? List.of() : host.conflicts();
    }

    /** Whether {@link #session()} has created (or found) the session. */
    public synchronized boolean isStarted() {
        return session != null;
    }

    /** The settings the session is (or will be) built with. */
    public SparkSettings settings() {
        return settings;
    }

    /**
     * Reports the finished and total tasks of every Spark job that runs on the session to
     * {@link StageContext#reportProgress} (unit {@code tasks}) until the returned handle is closed. Creates the
     * session if needed.
     */
    public SparkTaskProgress trackProgress(StageContext context) {
        requireNonNull(context, "context is null");
        return SparkTaskProgress.install(session().sparkContext(), context);
    }

    /** Stops a session the factory built when the lifecycle closes; named so that close failures say what failed. */
    private record SessionStop(SparkSession session) implements AutoCloseable {
        @Override
        public void close() {
            session.stop();
        }

        @Override
        public String toString() {
            return "Spark session " + session.sparkContext().applicationId();
        }
    }
}
