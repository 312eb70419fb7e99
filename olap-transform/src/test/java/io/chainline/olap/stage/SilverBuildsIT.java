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
 * Builds after builds over one store: two builds racing, identical reruns, retention with and without a grace period,
 * and a build with no input over a published one. {@link SilverBuildKillIT} kills builds at every publish step.
 */
class SilverBuildsIT {
    @TempDir
    Path root;

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
        for (String name : OlapHarness.TABLES) {
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
            assertThat(table(entry.name()).snapshots())
                    .as("%s keeps the snapshot of the one kept build only", entry.name())
                    .extracting(org.apache.iceberg.Snapshot::snapshotId)
                    .containsExactly(entry.snapshotId());
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
        List<List<Row>> first = OlapHarness.TABLES.stream().map(harness::rows).toList();

        harness.run("20261201-000001-bbbb", settings);

        assertThat(OlapHarness.TABLES.stream().map(harness::rows).toList())
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
    void aBuildWithoutFactsDoesNotReplaceOneWithFactsUnlessAskedToAndTheRawPrefixIsTheSinks(@TempDir Path emptyRaw)
            throws IOException {
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

        Files.move(root.resolve("raw_streaming"), root.resolve("landing"));
        harness.run("20261201-000003-dddd", "chainline.silver.raw-prefix=landing");

        assertThat(harness.rows("fact_order"))
                .as("the raw files under the raw prefix")
                .hasSize(28);
    }

    private static List<String> paths(ManifestTable table) {
        return table.uris().stream()
                .map(uri -> Path.of(java.net.URI.create(uri)).toString())
                .toList();
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
