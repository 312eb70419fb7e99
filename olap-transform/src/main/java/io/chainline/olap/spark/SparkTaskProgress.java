package io.chainline.olap.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.JobSucceeded$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.collection.JavaConverters;

import io.chainline.core.stage.StageContext;

import static java.util.Objects.requireNonNull;

/**
 * A Spark listener that reports the finished and total tasks of the job that is running to a stage's progress
 * ({@code tasks}). Total is the sum of the tasks of the job's stages; stages that Spark skips (their output is
 * cached) never run, so a job's successful end reports it complete. Close it to remove it from the context.
 */
public final class SparkTaskProgress extends SparkListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SparkTaskProgress.class);
    private static final long FLUSH_MILLIS = 10_000;

    private final transient SparkContext sparkContext;
    private final transient StageContext stageContext;
    private final Map<Integer, Integer> jobOfStage = new HashMap<>();
    private final Map<Integer, long[]> doneAndTotalOfJob = new HashMap<>();

    private SparkTaskProgress(SparkContext sparkContext, StageContext stageContext) {
        this.sparkContext = sparkContext;
        this.stageContext = stageContext;
    }

    /** Adds a listener for {@code stageContext} to {@code sparkContext}. */
    public static SparkTaskProgress install(SparkContext sparkContext, StageContext stageContext) {
        requireNonNull(sparkContext, "sparkContext is null");
        requireNonNull(stageContext, "stageContext is null");
        SparkTaskProgress listener = new SparkTaskProgress(sparkContext, stageContext);
        sparkContext.addSparkListener(listener);
        return listener;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        long total = 0;
        synchronized (this) {
            for (StageInfo stage : JavaConverters.seqAsJavaList(jobStart.stageInfos())) {
                jobOfStage.put(stage.stageId(), jobStart.jobId());
                total += stage.numTasks();
            }
            doneAndTotalOfJob.put(jobStart.jobId(), new long[] {0, total});
        }
        stageContext.reportProgress(0, total, "tasks");
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        long done;
        long total;
        synchronized (this) {
            Integer job = jobOfStage.get(taskEnd.stageId());
            long[] counts = job == null ? null : doneAndTotalOfJob.get(job);
            if (counts == null || !taskEnd.taskInfo().successful()) {
                return;
            }
            done = Math.min(++counts[0], counts[1]);
            total = counts[1];
        }
        stageContext.reportProgress(done, total, "tasks");
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd jobEnd) {
        long[] counts;
        synchronized (this) {
            counts = doneAndTotalOfJob.remove(jobEnd.jobId());
            jobOfStage.values().removeIf(job -> job == jobEnd.jobId());
        }
        if (counts != null && jobEnd.jobResult() == JobSucceeded$.MODULE$) {
            stageContext.reportProgress(counts[1], counts[1], "tasks");
        }
    }

    /**
     * Delivers the events of jobs that already ended (up to {@value #FLUSH_MILLIS} ms), then removes this listener
     * from the Spark context.
     */
    @Override
    public void close() {
        try {
            // Listener events are delivered asynchronously; without this the last job's end would be lost.
            sparkContext.listenerBus().waitUntilEmpty(FLUSH_MILLIS);
        } catch (TimeoutException e) {
            LOG.debug("Spark listener events not delivered within {} ms", FLUSH_MILLIS);
        } finally {
            sparkContext.removeSparkListener(this);
        }
    }
}
