package io.chainline.export.mage;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.config.Secret;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.Cancellation;
import io.chainline.core.stage.ProgressListener;
import io.chainline.core.stage.RunState;
import io.chainline.core.stage.StageContext;
import io.chainline.core.state.StateDirectory;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.BlobStores;
import io.chainline.export.mage.client.MageClient;
import io.chainline.export.mage.client.MageRunException;
import io.chainline.export.mage.client.MageTrigger;
import io.chainline.export.spi.ExportResult;
import io.chainline.export.spi.TableExport;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MageExporterIT {
    private static final String TOKEN = "c0ffeec0ffeec0ffeec0ffeec0ffee00";
    private static final List<String> TABLES = List.of("fact_order", "dim_date", "dim_product");

    @TempDir
    Path stateDir;

    @TempDir
    Path storeDir;

    private FakeMage fake;
    private LogCapture logs;
    private BlobStore store;
    private MageTriggerStore triggers;

    @BeforeEach
    void start() {
        fake = FakeMage.start();
        logs = LogCapture.start();
        store = BlobStores.forUri(storeDir.toString(), () -> {
            throw new AssertionError("no GCS in this test");
        });
        triggers = new MageTriggerStore(new StateDirectory(stateDir));
    }

    @AfterEach
    void stop() {
        logs.close();
        fake.close();
    }

    private MageExporter exporter(String... more) {
        List<String> overrides = new ArrayList<>(List.of(
                "chainline.mage.url=" + fake.url(),
                "chainline.mage.api-key=" + FakeMage.API_KEY,
                "chainline.mage.poll-interval=10ms",
                "chainline.mage.max-poll-interval=20ms",
                "chainline.mage.run-timeout=10s",
                "chainline.mage.bigquery.project=proj"));
        overrides.addAll(List.of(more));
        MageSettings settings = MageSettings.from(TestConfigs.load(overrides.toArray(String[]::new)));
        return new MageExporter(
                settings, () -> new MageClient(settings, HttpClient.newHttpClient()), triggers, () -> store);
    }

    private StageContext context() {
        return new StageContext(
                "gcs-to-bigquery-pipeline",
                "20261125-130000-zz99",
                TestConfigs.load(),
                Clock.systemUTC(),
                ProgressListener.NONE,
                new Cancellation(),
                new RunState());
    }

    private void storeTrigger() {
        long id = fake.addApiTrigger("chainline_export", "chainline_export_api", TOKEN, "active");
        triggers.save(new MageTrigger("chainline_export", "chainline_export_api", id, Secret.of(TOKEN)));
    }

    private ObjectNode[] blocks(String exporterStatus) {
        List<ObjectNode> runs = new ArrayList<>();
        TABLES.forEach(t -> runs.add(fake.blockRun("chainline_load_" + t, "completed", null)));
        TABLES.forEach(t -> runs.add(fake.blockRun("chainline_export_" + t, exporterStatus, null)));
        return runs.toArray(ObjectNode[]::new);
    }

    @Test
    void aCompletedRunGivesOneRowPerTableWithTheManifestsCounts() throws Exception {
        storeTrigger();
        fake.scriptNextRun(List.of(fake.runState("running"), fake.runState("completed", blocks("completed"))));
        SilverManifest manifest = TestManifests.threeTables();

        ExportResult result = exporter().export(manifest, context());

        assertThat(result.tables()).extracting(TableExport::table).containsExactlyElementsOf(TABLES);
        assertThat(result.tables()).allSatisfy(table -> {
            assertThat(table.verified()).isTrue();
            assertThat(table.expectedRows())
                    .isEqualTo(manifest.table(table.table()).orElseThrow().rowCount());
            assertThat(table.duration()).isEqualTo(Duration.ofSeconds(5));
            assertThat(table.destination()).isEqualTo("proj.chainline." + table.table());
        });
        assertThat(result.destination()).isEqualTo("mage:chainline_export -> bigquery:proj.chainline.*");
        assertThat(result.notes())
                .anySatisfy(note -> assertThat(note).contains("completed for silver run " + TestManifests.RUN_ID))
                .contains("Row counts are the manifest's: each exporter block verifies its"
                        + " BigQuery table's count itself and fails the run on a mismatch");
        ObjectNode variables = (ObjectNode) new ObjectMapper()
                .readTree(fake.requests().get(0).body())
                .path("pipeline_run")
                .path("variables");
        assertThat(variables.path("chainline_manifest_uri").asText())
                .isEqualTo(store.uriOf(SilverManifest.OBJECT_NAME).toString());
        assertThat(variables.path("chainline_run_id").asText()).isEqualTo(TestManifests.RUN_ID);
        Secrets.assertAbsent(logs, null, Secrets.of(TOKEN));
        assertThat(result.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aFailedRunNamesTheFailedBlocks() {
        storeTrigger();
        ObjectNode[] blocks = blocks("upstream_failed");
        blocks[3] = fake.blockRun("chainline_export_fact_order", "failed", "Forbidden: 403 Access Denied");
        fake.scriptNextRun(List.of(fake.runState("failed", blocks)));

        MageRunException failure = catchThrowableOfType(
                MageRunException.class, () -> exporter().export(TestManifests.threeTables(), context()));

        assertThat(failure.getMessage())
                .endsWith("failed; failed blocks: chainline_export_fact_order (failed:"
                        + " Forbidden: 403 Access Denied), chainline_export_dim_date (upstream_failed),"
                        + " chainline_export_dim_product (upstream_failed)");
        Secrets.assertAbsent(logs, failure, Secrets.of(TOKEN));
    }

    @Test
    void aRunWithoutAnExporterBlockForATableFails() {
        storeTrigger();
        fake.scriptNextRun(
                List.of(fake.runState("completed", fake.blockRun("chainline_export_fact_order", "completed", null))));

        assertThatThrownBy(() -> exporter().export(TestManifests.threeTables(), context()))
                .isInstanceOf(ChainlineException.class)
                .hasMessageEndingWith("of chainline_export completed without a completed run of block"
                        + " chainline_export_dim_date for table dim_date: run `chainline start-mage` again so the"
                        + " pipeline has a block for every table of the manifest");
    }

    @Test
    void withoutAStoredTriggerItSaysToRunStartMage() {
        assertThatThrownBy(() -> exporter().export(TestManifests.threeTables(), context()))
                .isInstanceOf(ChainlineException.class)
                .hasMessage("No Mage API trigger is stored in " + triggers.file()
                        + ": run `chainline start-mage` first to provision the pipeline");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void withoutAMageUrlItNamesTheKey() {
        MageSettings settings = MageSettings.from(TestConfigs.load());
        MageExporter exporter = new MageExporter(
                settings,
                () -> {
                    throw new AssertionError("no client without a URL");
                },
                triggers,
                () -> store);

        assertThatThrownBy(() -> exporter.export(TestManifests.threeTables(), context()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Missing value for 'chainline.mage.url'");
    }
}
