package io.chainline.olap.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.chainline.core.inject.CoreModule;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.stage.StageReport;
import io.chainline.olap.OlapModule;
import io.chainline.olap.SharedSpark;
import io.chainline.testkit.TestConfigs;
import io.chainline.testkit.TestStageContexts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host application that runs its own Spark session: Chainline uses it, applies only what Spark allows at runtime,
 * reports the static settings it wanted different, and leaves the session running with the host's settings.
 */
class HostSparkSessionIT {
    private static final String PARTITIONS = "spark.sql.shuffle.partitions";
    private static final String ZONE = "spark.sql.session.timeZone";

    @AfterEach
    void forgetTheActiveSession() {
        SparkSession.clearActiveSession();
    }

    private static Injector chainline(String... settings) {
        return Guice.createInjector(Stage.PRODUCTION, new CoreModule(TestConfigs.load(settings)), new OlapModule());
    }

    @Test
    void theHostsActiveSessionIsUsedWithRuntimeSettingsAppliedConflictsReportedAndNeverStopped() {
        // A session of its own (isolated SQL settings) on the test JVM's Spark context, active in this thread.
        SparkSession host = SharedSpark.session().newSession();
        SparkSession.setActiveSession(host);
        String hostMaster = host.sparkContext().master();
        String hostPartitions = host.conf().get(PARTITIONS);
        String hostZone = host.conf().get(ZONE);
        assertThat(hostPartitions).isNotEqualTo("7");
        assertThat(hostZone).isNotEqualTo("Asia/Tokyo");
        assertThat(host.conf().get("spark.ui.enabled")).isEqualTo("false");
        Injector injector = chainline(
                "chainline.spark.master=local[3]",
                "chainline.spark.conf.spark.sql.shuffle.partitions=7",
                "chainline.spark.conf.spark.ui.enabled=true",
                "chainline.spark.conf.spark.sql.session.timeZone=Asia/Tokyo");
        SparkSessionFactory factory = injector.getInstance(SparkSessionFactory.class);
        SparkSessionStage stage = new SparkSessionStage(factory);

        StageReport report;
        List<String> logged;
        try (LogLines log = LogLines.capture()) {
            report = stage.run(TestStageContexts.run(TestConfigs.load()).forStage(stage));
            logged = log.lines();
        }

        assertThat(injector.getInstance(SparkSession.class)).isSameAs(host).isSameAs(factory.session());
        assertThat(factory.isHostSession()).isTrue();
        assertThat(host.sparkContext().master())
                .as("the host's master")
                .isEqualTo(hostMaster)
                .isNotEqualTo("local[3]");
        assertThat(host.conf().get(PARTITIONS)).isEqualTo("7");
        assertThat(host.conf().get(ZONE)).isEqualTo("Asia/Tokyo");
        String conflict = "Spark setting 'spark.ui.enabled' is static and cannot change in the host's running session:"
                + " the host's value 'false' stays, Chainline's 'true' is not used";
        assertThat(factory.conflicts()).containsExactly(conflict);
        assertThat(report.warnings()).containsExactly(conflict);
        assertThat(report.outputs()).contains("spark-session=host", "spark-master=" + hostMaster);
        assertThat(logged).contains("WARN " + conflict);

        injector.getInstance(Lifecycle.class).close();

        assertThat(host.sparkContext().isStopped()).isFalse();
        assertThat(host.conf().get(PARTITIONS))
                .as("the host's runtime setting is back")
                .isEqualTo(hostPartitions);
        assertThat(host.conf().get(ZONE)).isEqualTo(hostZone);
        assertThat(host.range(0, 1_000).selectExpr("sum(id)").first().getLong(0))
                .isEqualTo(499_500L);
    }

    @Test
    void withoutAnActiveSessionTheDefaultOneIsUsedAndKeepsRunning() {
        SparkSession hostDefault = SharedSpark.session();
        SparkSession.clearActiveSession();
        Injector injector = chainline("chainline.spark.conf.spark.ui.enabled=false");
        SparkSessionFactory factory = injector.getInstance(SparkSessionFactory.class);

        assertThat(factory.session()).isSameAs(hostDefault);
        assertThat(factory.conflicts())
                .as("a static setting equal to the host's is no conflict")
                .isEmpty();

        injector.getInstance(Lifecycle.class).close();

        assertThat(hostDefault.sparkContext().isStopped()).isFalse();
        assertThat(hostDefault.range(0, 10).count()).isEqualTo(10);
    }

    /** The log lines of {@link HostSparkSession}, as {@code LEVEL message}, while open. */
    private static final class LogLines implements AutoCloseable {
        private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final AbstractAppender appender;

        private LogLines() {
            appender =
                    new AbstractAppender("host-session-" + UUID.randomUUID(), null, null, true, Property.EMPTY_ARRAY) {
                        @Override
                        public void append(LogEvent event) {
                            lines.add(
                                    event.getLevel() + " " + event.getMessage().getFormattedMessage());
                        }
                    };
            appender.start();
            context.getConfiguration()
                    .getLoggerConfig(HostSparkSession.class.getName())
                    .addAppender(appender, Level.WARN, null);
            context.updateLoggers();
        }

        static LogLines capture() {
            return new LogLines();
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        @Override
        public void close() {
            context.getConfiguration()
                    .getLoggerConfig(HostSparkSession.class.getName())
                    .removeAppender(appender.getName());
            context.updateLoggers();
            appender.stop();
        }
    }
}
