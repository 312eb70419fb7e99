package io.chainline.olap.spark;

import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.stage.StageContext;

import static java.util.Objects.requireNonNull;

/**
 * Creates the one Spark session of an injector on first use, from {@link SparkSettings}, and registers its stop
 * with the run's {@link Lifecycle}. Commands that never ask for a session never start Spark.
 */
public final class SparkSessionFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SparkSessionFactory.class);

    private final SparkSettings settings;
    private final Lifecycle lifecycle;
    private SparkSession session;

    /**
     * @param settings what the session is built with
     * @param lifecycle stops the session when the run ends
     */
    public SparkSessionFactory(SparkSettings settings, Lifecycle lifecycle) {
        this.settings = requireNonNull(settings, "settings is null");
        this.lifecycle = requireNonNull(lifecycle, "lifecycle is null");
    }

    /**
     * The session, created on the first call.
     *
     * @throws IllegalStateException when the lifecycle has already ended (the session is then stopped again)
     */
    public synchronized SparkSession session() {
        if (session == null) {
            long started = System.nanoTime();
            SparkSession.Builder builder =
                    SparkSession.builder().master(settings.master()).appName(settings.appName());
            settings.sessionConf().forEach(builder::config);
            SparkSession created = builder.getOrCreate();
            lifecycle.manage(new SessionStop(created));
            session = created;
            LOG.info(
                    "Spark session {} started on {} in {} ms",
                    created.sparkContext().applicationId(),
                    created.sparkContext().master(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return session;
    }

    /** Whether {@link #session()} has created the session. */
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

    /** Stops a session when the lifecycle closes; named so that close failures say what failed. */
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
