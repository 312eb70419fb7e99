package io.chainline.olap.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.olap.iceberg.PublishStep;
import io.chainline.testkit.ChildJvm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The olap-transform stage killed with SIGKILL, in a JVM of its own, at each step of its publish: readers of the
 * export pointer always see one complete build, and the next build finishes or discards the killed one by itself.
 */
class SilverBuildKillIT {
    private static final List<PublishStep> KILL_AT = List.of(
            PublishStep.BRANCHES_WRITTEN,
            PublishStep.ARBITER_PUBLISHED,
            PublishStep.TABLES_PUBLISHED,
            PublishStep.POINTER_WRITTEN);

    @TempDir
    Path root;

    @TempDir
    Path logs;

    @Test
    void aBuildKilledAtAnyStepLeavesReadersOnACompleteBuildAndTheNextBuildNeedsNothing() throws Exception {
        OrderFixture.write(root);
        OlapHarness harness = new OlapHarness(root);
        harness.run("20261201-000000-aaaa");
        List<Row> published = harness.rows("fact_order");
        String expected = "20261201-000000-aaaa";
        String killedWinner = null;
        int n = 0;
        for (PublishStep step : KILL_AT) {
            String build = "20261201-00000" + ++n + "-kill";
            if (killedWinner != null) {
                expected = killedWinner; // finished by this build before it starts its own
            }
            String printed = ChildJvm.of(KilledBuildMain.class, List.of(root.toString(), build, step.name()))
                    .errorLog(logs.resolve(build + ".log"))
                    .timeout(Duration.ofMinutes(3))
                    .runUntil(line -> line.equals("REACHED " + step));
            assertThat(printed)
                    .as("build %s reached %s before it was killed (its log: %s)", build, step, logs)
                    .contains("REACHED " + step);

            expected = step.compareTo(PublishStep.POINTER_WRITTEN) >= 0 ? build : expected;
            killedWinner = step.compareTo(PublishStep.ARBITER_PUBLISHED) >= 0 ? build : null;
            assertReadersSeeOneCompleteBuild(harness, expected, "after a kill at " + step);
            assertThat(harness.rows("fact_order")).isEqualTo(published);
        }
        Path stray = root.resolve("silver/fact_order/data/left-by-a-dead-writer.parquet");
        Files.write(stray, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(stray, FileTime.fromMillis(System.currentTimeMillis() - 60_000));

        // four days later: the branch of the build killed before it won counts as abandoned, the stray file as orphan
        harness.runAt(
                Clock.offset(Clock.systemUTC(), Duration.ofDays(4)),
                "20261201-000009-last",
                "chainline.silver.retention.keep-builds=10");

        assertReadersSeeOneCompleteBuild(harness, "20261201-000009-last", "after the next build");
        assertThat(harness.rows("fact_order")).isEqualTo(published);
        assertThat(stray)
                .as("an orphan file older than orphan-files-older-than")
                .doesNotExist();
        for (String name : OlapHarness.TABLES) {
            assertThat(table(name).refs().keySet())
                    .as("no branch is left on %s", name)
                    .noneMatch(ref -> ref.startsWith("build_"));
            assertThat(table(name).refs().keySet())
                    .as("the builds that won before they were killed were finished on %s", name)
                    .contains(
                            "build-20261201-000002-kill",
                            "build-20261201-000003-kill",
                            "build-20261201-000004-kill",
                            "build-20261201-000009-last")
                    .doesNotContain("build-20261201-000001-kill");
        }
        for (String build : List.of("20261201-000000-aaaa", "20261201-000002-kill", "20261201-000004-kill")) {
            assertThat(harness.build("fact_order", build))
                    .as("build %s is still readable by time travel: retention deleted none of its files", build)
                    .isEqualTo(published);
        }
    }

    private void assertReadersSeeOneCompleteBuild(OlapHarness harness, String build, String when) throws IOException {
        SilverManifest seen = harness.manifest();
        assertThat(seen.runId()).as("the pointer %s", when).isEqualTo(build);
        assertThat(seen.tables())
                .extracting(ManifestTable::name)
                .containsExactlyInAnyOrderElementsOf(OlapHarness.TABLES);
        for (ManifestTable entry : seen.tables()) {
            SnapshotRef tag = table(entry.name()).refs().get("build-" + build);
            assertThat(tag)
                    .as("%s has the tag of build %s %s", entry.name(), build, when)
                    .isNotNull();
            assertThat(entry.snapshotId())
                    .as("%s: the pointer names the snapshot of build %s %s", entry.name(), build, when)
                    .isEqualTo(tag.snapshotId());
            assertThat(harness.rows(entry.name())).as(entry.name()).hasSize((int) entry.rowCount());
        }
    }

    private Table table(String name) {
        return new HadoopTables().load(root.resolve("silver").resolve(name).toString());
    }
}
