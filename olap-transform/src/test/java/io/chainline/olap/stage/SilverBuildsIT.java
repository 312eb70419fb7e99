package io.chainline.olap.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.inject.Module;
import org.apache.iceberg.Table;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.olap.iceberg.PublishListener;
import io.chainline.olap.iceberg.PublishStep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Builds after builds over one store: a build stopped at every publish step, two builds racing, identical reruns,
 * retention with and without a grace period, and a build with no input over a published one.
 */
class SilverBuildsIT {
    private static final List<String> TABLES = List.of(
            "dim_customer",
            "dim_date",
            "dim_department",
            "dim_location",
            "dim_metadata",
            "dim_product",
            "dim_shipping",
            "fact_order");

    @TempDir
    Path root;

    @Test
    void aBuildStoppedAtAnyStepLeavesReadersOnACompleteBuildAndTheNextBuildNeedsNothing() {
        OrderFixture.write(root);
        OlapHarness harness = new OlapHarness(root);
        harness.run("20261201-000000-aaaa");
        List<Row> published = harness.rows("fact_order");
        String expected = "20261201-000000-aaaa";
        String stoppedWinner = null;
        int n = 0;
        for (PublishStep step : PublishStep.values()) {
            String build = "20261201-00000" + ++n + "-stop";
            if (stoppedWinner != null) {
                expected = stoppedWinner; // finished by this build before it starts its own
            }
            assertThatThrownBy(() -> harness.run(build, stopAt(build, step)))
                    .hasMessageContaining("stopped at " + step);

            expected = step.compareTo(PublishStep.POINTER_WRITTEN) >= 0 ? build : expected;
            stoppedWinner = step.compareTo(PublishStep.ARBITER_PUBLISHED) >= 0 ? build : null;
            SilverManifest seen = harness.manifest();
            assertThat(seen.runId()).as("the pointer after a stop at %s", step).isEqualTo(expected);
            for (ManifestTable table : seen.tables()) {
                assertThat(harness.rows(table.name())).as(table.name()).hasSize((int) table.rowCount());
            }
            assertThat(harness.rows("fact_order")).isEqualTo(published);
        }

        // seven hours later, when the branch of the build that stopped before publishing counts as abandoned
        harness.runAt(
                java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(7)),
                "20261201-000009-last",
                "chainline.silver.retention.keep-builds=10");

        assertThat(harness.manifest().runId()).isEqualTo("20261201-000009-last");
        assertThat(harness.rows("fact_order")).isEqualTo(published);
        for (String name : TABLES) {
            assertThat(table(name).refs().keySet())
                    .as("no branch is left on %s", name)
                    .noneMatch(ref -> ref.startsWith("build_"));
            assertThat(table(name).refs().keySet())
                    .as("the builds that won before they stopped were finished on %s", name)
                    .contains(
                            "build-20261201-000002-stop",
                            "build-20261201-000003-stop",
                            "build-20261201-000004-stop",
                            "build-20261201-000005-stop",
                            "build-20261201-000009-last")
                    .doesNotContain("build-20261201-000001-stop");
        }
    }

    @Test
    void ofTwoConcurrentBuildsTheSecondToPublishFailsNamingTheFirstAndPublishesNothing() {
        OrderFixture.write(root);
        OlapHarness harness = new OlapHarness(root);
        PublishListener rival = (buildId, step) -> {
            if (buildId.equals("20261201-000000-late") && step == PublishStep.BRANCHES_WRITTEN) {
                harness.run("20261201-000001-fast");
            }
        };

        assertThatThrownBy(() -> harness.run(
                        "20261201-000000-late",
                        binder -> binder.bind(PublishListener.class).toInstance(rival)))
                .isInstanceOf(ChainlineException.class)
                .hasMessage("Silver build 20261201-000001-fast was published while build 20261201-000000-late ran, so"
                        + " nothing of build 20261201-000000-late was published; run again to build on"
                        + " 20261201-000001-fast");

        assertThat(harness.manifest().runId()).isEqualTo("20261201-000001-fast");
        for (String name : TABLES) {
            assertThat(table(name).refs().keySet()).as(name).noneMatch(ref -> ref.contains("late"));
        }
    }

    @Test
    void withoutAGracePeriodOnlyTheKeptBuildsAndTheirFilesRemain() {
        OrderFixture.write(root);
        OlapHarness harness = new OlapHarness(root);
        String[] settings = {"chainline.silver.retention.keep-builds=1", "chainline.silver.retention.grace-period=0s"};
        harness.run("20261201-000000-aaaa", settings);
        SilverManifest first = harness.manifest();
        harness.run("20261201-000001-bbbb", settings);
        SilverManifest second = harness.manifest();
        harness.run("20261201-000002-cccc", settings);

        for (ManifestTable entry : harness.manifest().tables()) {
            assertThat(table(entry.name()).refs().keySet())
                    .as(entry.name())
                    .containsExactlyInAnyOrder("main", "build-20261201-000002-cccc");
            Set<String> kept = new TreeSet<>(paths(entry));
            assertThat(dataFiles(entry.name()))
                    .as("%s keeps the published build's files", entry.name())
                    .containsAll(kept);
            kept.addAll(paths(second.table(entry.name()).orElseThrow()));
            assertThat(kept)
                    .as(
                            "%s lost the first build's files; Iceberg removes a replaced build's files when the snapshot"
                                    + " that deleted them is expired in turn, one build later",
                            entry.name())
                    .containsAll(dataFiles(entry.name()));
            assertThat(dataFiles(entry.name()))
                    .as("%s no longer has the first build's files", entry.name())
                    .doesNotContainAnyElementsOf(paths(first.table(entry.name()).orElseThrow()));
        }
        assertThat(harness.rejectBuilds()).containsExactly("20261201-000002-cccc");
    }

    @Test
    void aRebuildOfTheSameInputIsIdenticalAndTheReplacedBuildStaysReadableForTheGracePeriod() {
        OrderFixture.write(root);
        OlapHarness harness = new OlapHarness(root);
        String[] settings = {"chainline.silver.retention.keep-builds=1", "chainline.silver.retention.grace-period=1h"};
        harness.run("20261201-000000-aaaa", settings);
        SilverManifest before = harness.manifest();
        List<List<Row>> first = TABLES.stream().map(harness::rows).toList();

        harness.run("20261201-000001-bbbb", settings);

        assertThat(TABLES.stream().map(harness::rows).toList())
                .as("the same input builds the same rows")
                .isEqualTo(first);
        assertThat(table("fact_order").refs()).containsKey("build-20261201-000000-aaaa");
        for (ManifestTable entry : before.tables()) {
            assertThat(entry.uris())
                    .allSatisfy(
                            uri -> assertThat(Path.of(java.net.URI.create(uri))).exists());
        }
        assertThat(harness.build("fact_order", "20261201-000000-aaaa")).hasSize(28);
    }

    @Test
    void aBuildWithoutFactsDoesNotReplaceOneWithFactsUnlessAskedTo(@TempDir Path emptyRaw) {
        OrderFixture.write(root);
        OlapHarness harness = new OlapHarness(root);
        harness.run("20261201-000000-aaaa");

        assertThatThrownBy(() -> harness.withRawRoot(emptyRaw).run("20261201-000001-bbbb"))
                .isInstanceOf(DataQualityException.class)
                .hasMessageContaining("This build has no fact rows and would replace silver build 20261201-000000-aaaa"
                        + " with 28; nothing was published");
        assertThat(harness.manifest().runId()).isEqualTo("20261201-000000-aaaa");

        harness.withRawRoot(emptyRaw).run("20261201-000002-cccc", "chainline.silver.allow-empty-replacement=true");

        assertThat(harness.manifest().runId()).isEqualTo("20261201-000002-cccc");
        assertThat(harness.manifest().table("fact_order").orElseThrow().rowCount())
                .isZero();
        assertThat(harness.manifest().table("fact_order").orElseThrow().uris()).isEmpty();
    }

    private static List<String> paths(ManifestTable table) {
        return table.uris().stream()
                .map(uri -> Path.of(java.net.URI.create(uri)).toString())
                .toList();
    }

    private static Module stopAt(String build, PublishStep stop) {
        return binder -> binder.bind(PublishListener.class).toInstance((buildId, step) -> {
            if (buildId.equals(build) && step == stop) {
                throw new IllegalStateException("stopped at " + step);
            }
        });
    }

    private Table table(String name) {
        return new HadoopTables().load(root.resolve("silver").resolve(name).toString());
    }

    private Set<String> dataFiles(String table) {
        try (Stream<Path> files =
                Files.walk(root.resolve("silver").resolve(table).resolve("data"))) {
            return files.filter(file -> file.toString().endsWith(".parquet"))
                    .map(Path::toString)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
