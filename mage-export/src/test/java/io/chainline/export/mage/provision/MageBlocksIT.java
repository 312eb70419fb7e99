package io.chainline.export.mage.provision;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.manifest.SilverManifest;
import io.chainline.export.mage.MageSettings;
import io.chainline.export.mage.Python;
import io.chainline.export.mage.TestManifests;
import io.chainline.export.mage.client.MageBlock;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated Python blocks compile, and run outside Mage with a recording stand-in for BigQuery. */
class MageBlocksIT {
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private MagePipelinePlan plan;
    private Path manifestFile;

    @BeforeEach
    void generate() throws IOException {
        Python.assumeAvailable();
        SilverManifest manifest = TestManifests.threeTables();
        manifestFile = dir.resolve("_manifest.json");
        Files.write(manifestFile, manifest.toJson());
        MageSettings settings = MageSettings.from(TestConfigs.load(
                "chainline.mage.bigquery.project=proj",
                "chainline.mage.bigquery.dataset=supply",
                "chainline.mage.bigquery.location=EU"));
        plan = MagePipelinePlan.of(manifest, "gs://bkt/silver/_manifest.json", settings);
        new ProjectFiles(dir).write(plan);
    }

    @Test
    void everyGeneratedBlockCompiles() {
        List<String> args = new ArrayList<>(List.of("-m", "py_compile"));
        for (MageBlock block : plan.blocks()) {
            args.add(dir.resolve(ProjectFiles.typeDirectory(block.type()))
                    .resolve(block.uuid() + ".py")
                    .toString());
        }

        Python.Result result = Python.run(args);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(args).hasSize(2 + 6);
    }

    @Test
    void aLoaderFindsItsTableInTheManifestOfTheRun() throws IOException {
        Python.Result result = Python.run(List.of(
                harness("run_loader.py"),
                dir.resolve("data_loaders/chainline_load_fact_order.py").toString(),
                "file:" + manifestFile,
                TestManifests.RUN_ID));

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode output = json.readTree(result.lastLine());
        assertThat(output.path("run_id").asText()).isEqualTo(TestManifests.RUN_ID);
        assertThat(output.path("table").path("name").asText()).isEqualTo("fact_order");
        assertThat(output.path("table").path("rowCount").asLong()).isEqualTo(1200);
        assertThat(output.path("table").path("uris")).hasSize(2);
    }

    @Test
    void aLoaderRefusesAManifestOfAnotherRun() {
        Python.Result result = Python.run(List.of(
                harness("run_loader.py"),
                dir.resolve("data_loaders/chainline_load_dim_date.py").toString(),
                manifestFile.toString(),
                "other-run"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("now holds run " + TestManifests.RUN_ID + ", not run other-run");
    }

    @Test
    void anExporterLoadsParquetWithALoadJobAndChecksTheRowCount() throws IOException {
        String entry = "{\"run_id\": \"" + TestManifests.RUN_ID + "\", \"table\": {\"name\": \"fact_order\","
                + " \"rowCount\": 1200, \"uris\": [\"gs://bkt/silver/fact_order/r/part-0.parquet\"]}}";

        JsonNode calls = json.readTree(Python.run(List.of(
                        harness("run_exporter.py"),
                        dir.resolve("data_exporters/chainline_export_fact_order.py")
                                .toString(),
                        entry,
                        "1200"))
                .lastLine());

        assertThat(calls.path("client").toString()).isEqualTo("{\"project\":\"proj\",\"location\":\"EU\"}");
        assertThat(calls.path("dataset").toString())
                .isEqualTo("{\"id\":\"proj.supply\",\"location\":\"EU\",\"exists_ok\":true}");
        JsonNode load = calls.path("load");
        assertThat(load.path("source_format").asText()).isEqualTo("PARQUET");
        assertThat(load.path("write_disposition").asText()).isEqualTo("WRITE_TRUNCATE");
        assertThat(load.path("create_disposition").asText()).isEqualTo("CREATE_IF_NEEDED");
        assertThat(load.path("decimal_target_types").toString()).isEqualTo("[\"NUMERIC\",\"BIGNUMERIC\"]");
        assertThat(load.path("enable_list_inference").asBoolean()).isTrue();
        assertThat(load.path("uris").toString()).isEqualTo("[\"gs://bkt/silver/fact_order/r/part-0.parquet\"]");
        assertThat(load.path("destination").asText()).isEqualTo("proj.supply.fact_order");
        assertThat(calls.path("waited").asBoolean()).isTrue();
        assertThat(calls.path("verified").asText()).isEqualTo("proj.supply.fact_order");
        assertThat(calls.has("error")).isFalse();
    }

    @Test
    void anExporterFailsOnARowCountMismatchAndOnFilesOutsideGcs() throws IOException {
        String exporter =
                dir.resolve("data_exporters/chainline_export_dim_date.py").toString();
        String gcs = "{\"table\": {\"name\": \"dim_date\", \"rowCount\": 1461, \"uris\": [\"gs://b/d.parquet\"]}}";
        String local = "{\"table\": {\"name\": \"dim_date\", \"rowCount\": 1461, \"uris\": [\"file:/tmp/d.parquet\"]}}";

        JsonNode mismatch = json.readTree(Python.run(List.of(harness("run_exporter.py"), exporter, gcs, "1460"))
                .lastLine());
        JsonNode notGcs = json.readTree(Python.run(List.of(harness("run_exporter.py"), exporter, local, "1461"))
                .lastLine());

        assertThat(mismatch.path("error").asText())
                .isEqualTo(
                        "BigQuery table proj.supply.dim_date holds 1460 rows after the load; the manifest says 1461");
        assertThat(notGcs.path("error").asText())
                .isEqualTo(
                        "BigQuery loads dim_date only from gs:// Parquet files; the manifest lists ['file:/tmp/d.parquet']");
        assertThat(notGcs.has("load")).isFalse();
    }

    @Test
    void blocksOfATableNoLongerInTheManifestLoadNothing() throws IOException {
        SilverManifest manifest = TestManifests.threeTables();
        Files.write(
                manifestFile,
                new SilverManifest(
                                manifest.formatVersion(),
                                manifest.runId(),
                                manifest.createdAt(),
                                manifest.tables().subList(0, 1),
                                List.of())
                        .toJson());

        Python.Result loaded = Python.run(List.of(
                harness("run_loader.py"),
                dir.resolve("data_loaders/chainline_load_dim_date.py").toString(),
                manifestFile.toString(),
                TestManifests.RUN_ID));
        JsonNode calls = json.readTree(Python.run(List.of(
                        harness("run_exporter.py"),
                        dir.resolve("data_exporters/chainline_export_dim_date.py")
                                .toString(),
                        loaded.lastLine(),
                        "0"))
                .lastLine());

        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        assertThat(loaded.out()).contains("Table dim_date is no longer in the silver manifest");
        assertThat(json.readTree(loaded.lastLine()).path("table").isNull()).isTrue();
        assertThat(calls.size()).as(calls.toString()).isZero();
    }

    private static String harness(String name) {
        try {
            return Path.of(MageBlocksIT.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
