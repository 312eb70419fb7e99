package io.chainline.olap;

import java.util.List;

import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageContext;
import io.chainline.core.stage.StageReport;
import io.chainline.olap.spark.SparkSessionFactory;
import io.chainline.olap.spark.SparkSessionStage;
import io.chainline.olap.stage.OlapRequest;
import io.chainline.olap.stage.OlapStageFactory;

import static java.util.Objects.requireNonNull;

/**
 * The stages of a star-schema run, for the runner's command and {@link OlapJob}: {@code spark-session} (opens the
 * session, reports master and executors), then the olap-transform stage. The latter is created when its turn
 * comes, so that its factory finds the session open and the session's report is there even when the stage cannot
 * be created.
 */
public final class OlapRunStages {
    /** The name the olap-transform stage is reported under when it cannot be created. */
    public static final String OLAP_STAGE = "olap-transform";

    private OlapRunStages() {}

    /** The stages of a run of {@code request}. */
    public static List<Stage> of(SparkSessionFactory sessions, OlapStageFactory stages, OlapRequest request) {
        requireNonNull(sessions, "sessions is null");
        requireNonNull(stages, "stages is null");
        requireNonNull(request, "request is null");
        return List.of(new SparkSessionStage(sessions), new Stage() {
            @Override
            public String name() {
                return OLAP_STAGE;
            }

            @Override
            public StageReport run(StageContext context) {
                return stages.create(request).run(context);
            }

            @Override
            public String toString() {
                return "Stage[" + OLAP_STAGE + " of " + request + "]";
            }
        });
    }
}
