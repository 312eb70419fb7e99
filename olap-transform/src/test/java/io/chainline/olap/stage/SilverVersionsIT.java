package io.chainline.olap.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.google.inject.Module;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.LockHeldException;
import io.chainline.core.store.StoreLock;
import io.chainline.olap.OlapModule;
import io.chainline.olap.build.BuildInput;
import io.chainline.olap.build.BuiltTable;
import io.chainline.olap.build.TableBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versions, the publish lock and failures during a publish. */
class SilverVersionsIT {
    private static final String FIRST = "20261125-100000-aaaa";
    private static final String SECOND = "20261125-110000-bbbb";
    private static final String THIRD = "20261125-120000-cccc";
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

    private OlapHarness harness;

    @BeforeEach
    void writeFixture() {
        OrderFixture.write(root);
        harness = new OlapHarness(root);
    }

    @Test
    void aPublishInterruptedAfterSomeTablesLeavesThePreviousVersionAndTheNextRunPublishesAFullOne() {
        harness.run(FIRST, "chainline.silver.keep-versions=2");
        List<Row> firstFacts = harness.rows("fact_order");
        Module failingFact = binder ->
                binder.bind(OlapModule.tableBuilderKey("fact_order")).toInstance(new FailingBuilder("fact_order"));

        assertThatThrownBy(() -> harness.run(SECOND, failingFact, "chainline.silver.keep-versions=2"))
                .hasMessageContaining("injected failure after the dimensions were written");

        assertThat(Files.isDirectory(root.resolve("silver/dim_shipping/" + SECOND)))
                .isTrue();
        assertThat(Files.exists(root.resolve("silver/fact_order/" + SECOND))).isFalse();
        assertThat(harness.manifest().runId()).isEqualTo(FIRST);
        assertThat(harness.rows("fact_order")).isEqualTo(firstFacts);
        for (String table : TABLES) {
            ManifestTable entry = harness.manifest().table(table).orElseThrow();
            assertThat(harness.rows(table)).as(table).hasSize((int) entry.rowCount());
        }
        try (BlobStore store = harness.store()) {
            assertThat(store.stat("silver/_lock"))
                    .as("the failed run released the lock")
                    .isEmpty();
        }

        harness.run(THIRD, "chainline.silver.keep-versions=2");

        SilverManifest third = harness.manifest();
        assertThat(third.runId()).isEqualTo(THIRD);
        assertThat(third.tables()).extracting(ManifestTable::name).containsExactlyElementsOf(TABLES);
        assertThat(harness.rows("fact_order")).isEqualTo(firstFacts);
        try (BlobStore store = harness.store()) {
            assertThat(store.list("silver/fact_order/" + FIRST + "/"))
                    .as("pruned beyond keep-versions")
                    .isEmpty();
            assertThat(store.list("silver/dim_customer/" + FIRST + "/"))
                    .as("pruned beyond keep-versions")
                    .isEmpty();
            assertThat(store.list("silver/dim_customer/" + SECOND + "/")).isNotEmpty();
            assertThat(store.list("silver/dim_customer/" + THIRD + "/")).isNotEmpty();
        }
    }

    @Test
    void twoRunsOverTheSameInputGiveIdenticalKeysAndTables() {
        harness.run(FIRST);
        harness.run(SECOND);

        for (String table : TABLES) {
            List<Row> first = harness.version(table, FIRST);
            List<Row> second = harness.version(table, SECOND);
            assertThat(second).as(table).isNotEmpty().isEqualTo(first);
        }
        assertThat(harness.version("fact_order", SECOND))
                .extracting(row -> row.getAs("location_id"))
                .isEqualTo(harness.version("fact_order", FIRST).stream()
                        .map(row -> row.getAs("location_id"))
                        .toList());
    }

    @Test
    void aRunStartedWhileAnotherHoldsThePublishLockFailsFastNamingTheHolder() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
        try (BlobStore store = harness.store();
                StoreLock held = StoreLock.acquire(store, "silver/_lock", FIRST, Duration.ofHours(1), clock)) {
            assertThatThrownBy(() -> harness.run(SECOND))
                    .isInstanceOf(LockHeldException.class)
                    .hasMessageContaining("held by run " + FIRST);
            assertThat(held.owner()).isEqualTo(FIRST);
        }
        assertThat(root.resolve("silver/dim_customer")).doesNotExist();
        assertThat(root.resolve("silver/_manifest.json")).doesNotExist();
    }

    /** A builder that fails the build: the seam for a publish interrupted midway. */
    private record FailingBuilder(String name) implements TableBuilder {
        @Override
        public BuiltTable build(BuildInput input) {
            throw new IllegalStateException("injected failure after the dimensions were written");
        }
    }
}
