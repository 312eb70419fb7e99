package io.chainline.olap.spark;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.chainline.core.inject.CoreModule;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.stage.ProgressListener;
import io.chainline.core.stage.StageReport;
import io.chainline.olap.OlapModule;
import io.chainline.testkit.TestConfigs;
import io.chainline.testkit.TestStageContexts;

import static org.assertj.core.api.Assertions.assertThat;

/** One Spark session per test: the factory's session is the JVM's only active one while the test runs. */
class SparkSessionFactoryTest {

    private static Injector injector(String... overrides) {
        return Guice.createInjector(Stage.PRODUCTION, new CoreModule(TestConfigs.load(overrides)), new OlapModule());
    }

    @Test
    void theSessionIsCreatedOnceOnFirstUseWithTheConfiguredSettingsAndStoppedWithTheLifecycle() throws Exception {
        Injector injector = injector(
                "chainline.spark.master=local[2]",
                "chainline.spark.app-name=factory-test",
                "chainline.spark.conf.spark.ui.enabled=false",
                "chainline.spark.conf.spark.sql.shuffle.partitions=3",
                "chainline.store.gcs.project=supply-chain",
                "chainline.store.gcs.credentials-file=/keys/sa.json");
        SparkSessionFactory factory = injector.getInstance(SparkSessionFactory.class);
        assertThat(factory.isStarted()).isFalse();

        SparkSession session = injector.getInstance(SparkSession.class);
        try {
            assertThat(injector.getInstance(SparkSession.class))
                    .isSameAs(session)
                    .isSameAs(factory.session());
            assertThat(session.sparkContext().master()).isEqualTo("local[2]");
            assertThat(session.sparkContext().appName()).isEqualTo("factory-test");
            assertThat(session.conf().get("spark.sql.shuffle.partitions")).isEqualTo("3");
            var hadoop = session.sparkContext().hadoopConfiguration();
            assertThat(hadoop.get("fs.gs.project.id")).isEqualTo("supply-chain");
            assertThat(hadoop.get("fs.gs.auth.service.account.json.keyfile")).isEqualTo("/keys/sa.json");
            assertThat(FileSystem.getFileSystemClass("gs", hadoop).getName())
                    .isEqualTo("com.google.cloud.hadoop.fs.gcs.GoogleHadoopFileSystem");
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
        assertThat(session.sparkContext().isStopped()).isTrue();
    }

    @Test
    void progressReportsFinishedAndTotalTasksOfTheRunningJob() {
        Injector injector = injector("chainline.spark.master=local[2]", "chainline.spark.conf.spark.ui.enabled=false");
        SparkSessionFactory factory = injector.getInstance(SparkSessionFactory.class);
        List<long[]> reported = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(String stage, long done, long total, String unit) {
                assertThat(stage).isEqualTo("spark-session");
                assertThat(unit).isEqualTo("tasks");
                reported.add(new long[] {done, total});
            }
        };
        SparkSessionStage stage = new SparkSessionStage(factory);
        try {
            StageReport report = stage.run(TestStageContexts.run(TestConfigs.load())
                    .withProgress(listener)
                    .forStage(stage));

            assertThat(report.outputs()).contains("spark-master=local[2]");
            assertThat(report.counters()).containsEntry("executors", 1L);
            assertThat(reported)
                    .as("the first job's two tasks, one by one")
                    .startsWith(new long[] {0, 2}, new long[] {1, 2}, new long[] {2, 2});
            assertThat(reported).allSatisfy(p -> assertThat(p[0]).isBetween(0L, p[1]));
            assertThat(reported.get(reported.size() - 1))
                    .as("the last job ends complete")
                    .satisfies(p -> assertThat(p[0]).isEqualTo(p[1]));
        } finally {
            injector.getInstance(Lifecycle.class).close();
        }
    }
}
