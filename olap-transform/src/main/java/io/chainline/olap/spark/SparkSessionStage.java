package io.chainline.olap.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageContext;
import io.chainline.core.stage.StageReport;

import static java.util.Objects.requireNonNull;

/**
 * The stage {@code spark-session}: opens the run's Spark session and runs a two-task job on it, so that an
 * unreachable master or a cluster without executors fails the run before any work, and the report says where the
 * work runs: outputs {@code spark-master=<url>} and {@code spark-app=<id>}, counter {@code executors} (the
 * executors other than the driver; 1 for a local master, whose driver runs the tasks). When the session is the host
 * application's, it also outputs {@code spark-session=host} and warns of every static setting that Chainline's
 * configuration wanted different from the host's ({@link SparkSessionFactory#conflicts()}).
 */
public final class SparkSessionStage implements Stage {
    /** The stage's name. */
    public static final String NAME = "spark-session";

    private final SparkSessionFactory factory;

    /** @param factory the factory of the run's session */
    public SparkSessionStage(SparkSessionFactory factory) {
        this.factory = requireNonNull(factory, "factory is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageReport run(StageContext context) {
        requireNonNull(context, "context is null");
        SparkSession session = factory.session();
        SparkTaskProgress progress = factory.trackProgress(context);
        try {
            session.range(0, 2, 1, 2).count();
        } finally {
            progress.close();
        }
        SparkContext spark = session.sparkContext();
        StageReport.Builder report = StageReport.builder(NAME)
                .output("spark-master=" + spark.master())
                .output("spark-app=" + spark.applicationId())
                .counter("executors", executors(spark));
        if (factory.isHostSession()) {
            report.output("spark-session=host");
            factory.conflicts().forEach(report::warning);
        }
        return report.build();
    }

    /** The executors other than the driver, or 1 for a local master, whose driver runs the tasks. */
    public static long executors(SparkContext spark) {
        requireNonNull(spark, "spark is null");
        if (spark.isLocal()) {
            return 1;
        }
        return Math.max(0, spark.statusTracker().getExecutorInfos().length - 1);
    }
}
