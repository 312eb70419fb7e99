package io.chainline.export.mage.provision;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.state.StateDirectory;
import io.chainline.export.mage.FakeMage;
import io.chainline.export.mage.LogCapture;
import io.chainline.export.mage.MageSettings;
import io.chainline.export.mage.MageTriggerStore;
import io.chainline.export.mage.Secrets;
import io.chainline.export.mage.TestManifests;
import io.chainline.export.mage.client.MageClient;
import io.chainline.export.mage.client.MageTrigger;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MageProvisionerIT {
    private static final String MANIFEST_URI = "gs://bkt/silver/_manifest.json";
    private static final List<String> BLOCKS = List.of(
            "chainline_load_fact_order",
            "chainline_load_dim_date",
            "chainline_load_dim_product",
            "chainline_export_fact_order",
            "chainline_export_dim_date",
            "chainline_export_dim_product");

    @TempDir
    Path stateDir;

    @TempDir
    Path projectDir;

    private FakeMage fake;
    private LogCapture logs;

    @BeforeEach
    void start() {
        fake = FakeMage.start();
        logs = LogCapture.start();
    }

    @AfterEach
    void stop() {
        logs.close();
        fake.close();
    }

    private MageProvisioner provisioner(String... more) {
        List<String> overrides = new ArrayList<>(List.of(
                "chainline.mage.url=" + fake.url(),
                "chainline.mage.api-key=" + FakeMage.API_KEY,
                "chainline.mage.bigquery.project=proj",
                "chainline.mage.bigquery.location=EU"));
        overrides.addAll(List.of(more));
        MageSettings settings = MageSettings.from(TestConfigs.load(overrides.toArray(String[]::new)));
        return new MageProvisioner(settings, new MageClient(settings, HttpClient.newHttpClient()), store());
    }

    private MageTriggerStore store() {
        return new MageTriggerStore(new StateDirectory(stateDir));
    }

    private String onlyToken() {
        assertThat(fake.schedules()).hasSize(1);
        return fake.schedules().values().iterator().next().path("token").asText();
    }

    @Test
    void intoTheProjectDirectoryItWritesBlocksAndMetadataThenStoresTheTrigger() throws IOException {
        fake.projectDir(projectDir);

        ProvisionResult result = provisioner("chainline.mage.project-dir=" + projectDir)
                .provision(TestManifests.threeTables(), MANIFEST_URI);

        assertThat(result.method()).isEqualTo("files");
        assertThat(result.blocks()).containsExactlyElementsOf(BLOCKS);
        assertThat(result.manifestRunId()).isEqualTo(TestManifests.RUN_ID);
        assertThat(projectDir.resolve("data_loaders/chainline_load_fact_order.py"))
                .content()
                .contains("TABLE = \"fact_order\"", "DEFAULT_MANIFEST_URI = \"" + MANIFEST_URI + "\"");
        assertThat(projectDir.resolve("data_exporters/chainline_export_dim_date.py"))
                .content()
                .contains("TABLE = \"dim_date\"", "PROJECT = \"proj\"", "DATASET = \"chainline\"", "LOCATION = \"EU\"");
        assertThat(projectDir.resolve("pipelines/chainline_export/__init__.py")).exists();
        JsonNode metadata = new YAMLMapper()
                .readTree(projectDir
                        .resolve("pipelines/chainline_export/metadata.yaml")
                        .toFile());
        assertThat(metadata.path("uuid").asText()).isEqualTo("chainline_export");
        assertThat(metadata.path("type").asText()).isEqualTo("python");
        Map<String, JsonNode> blocks = new java.util.LinkedHashMap<>();
        metadata.path("blocks").forEach(block -> blocks.put(block.path("uuid").asText(), block));
        assertThat(blocks.keySet()).containsExactlyElementsOf(BLOCKS);
        for (String table : List.of("fact_order", "dim_date", "dim_product")) {
            JsonNode loader = blocks.get("chainline_load_" + table);
            JsonNode exporter = blocks.get("chainline_export_" + table);
            assertThat(loader.path("type").asText()).isEqualTo("data_loader");
            assertThat(texts(loader.path("upstream_blocks"))).isEmpty();
            assertThat(texts(loader.path("downstream_blocks"))).containsExactly("chainline_export_" + table);
            assertThat(exporter.path("type").asText()).isEqualTo("data_exporter");
            assertThat(texts(exporter.path("upstream_blocks"))).containsExactly("chainline_load_" + table);
            assertThat(texts(exporter.path("downstream_blocks"))).isEmpty();
        }
        assertThat(result.triggerCreated()).isTrue();
        assertTriggerStored(result.triggerScheduleId(), onlyToken());
        assertThat(fake.schedules()
                        .get(result.triggerScheduleId())
                        .path("status")
                        .asText())
                .isEqualTo("active");
        Secrets.assertAbsent(logs, null, Secrets.of(onlyToken()));
    }

    @Test
    void filesMageDoesNotSeeAreAnError() {
        MageProvisioner provisioner = provisioner("chainline.mage.project-dir=" + projectDir);

        assertThatThrownBy(() -> provisioner.provision(TestManifests.threeTables(), MANIFEST_URI))
                .isInstanceOf(ChainlineException.class)
                .hasMessage("Mage at " + fake.url() + " does not see pipeline chainline_export written into "
                        + projectDir + ": chainline.mage.project-dir must be the directory of the project that Mage"
                        + " serves");
        assertThat(store().load()).isEmpty();
    }

    @Test
    void throughTheApiItCreatesThePipelineAndThenUpdatesItInPlace() {
        ProvisionResult first = provisioner().provision(TestManifests.threeTables(), MANIFEST_URI);

        assertThat(first.method()).isEqualTo("api");
        ObjectNode pipeline = fake.pipelines().get("chainline_export");
        assertThat(pipeline.path("type").asText()).isEqualTo("python");
        List<String> created = new ArrayList<>();
        pipeline.path("blocks").forEach(block -> created.add(block.path("uuid").asText()));
        assertThat(created).containsExactlyElementsOf(BLOCKS);
        JsonNode exporter = pipeline.path("blocks").get(3);
        assertThat(exporter.path("type").asText()).isEqualTo("data_exporter");
        assertThat(exporter.path("language").asText()).isEqualTo("python");
        assertThat(texts(exporter.path("upstream_blocks"))).containsExactly("chainline_load_fact_order");
        assertThat(exporter.path("content").asText()).contains("load_table_from_uri", "TABLE = \"fact_order\"");
        assertThat(first.triggerCreated()).isTrue();
        String token = onlyToken();
        assertTriggerStored(first.triggerScheduleId(), token);

        ProvisionResult second = provisioner().provision(TestManifests.threeTables(), MANIFEST_URI);

        assertThat(second.triggerCreated()).isFalse();
        assertThat(second.triggerScheduleId()).isEqualTo(first.triggerScheduleId());
        assertThat(fake.pipelines().get("chainline_export").path("blocks"))
                .hasSize(6)
                .allSatisfy(
                        block -> assertThat(block.path("updated").asBoolean()).isTrue());
        assertThat(onlyToken()).isEqualTo(token);
        Secrets.assertAbsent(logs, null, Secrets.of(token));
    }

    @Test
    void blocksOfTablesDroppedFromTheManifestAreReported() {
        provisioner().provision(TestManifests.threeTables(), MANIFEST_URI);
        SilverManifest full = TestManifests.threeTables();
        SilverManifest smaller = new SilverManifest(
                full.formatVersion(),
                "20261126-120000-cd34",
                full.createdAt(),
                full.tables().subList(0, 1),
                List.of());

        ProvisionResult result = provisioner().provision(smaller, MANIFEST_URI);

        assertThat(result.blocks()).containsExactly("chainline_load_fact_order", "chainline_export_fact_order");
        assertThat(logs.text())
                .contains(
                        "Mage pipeline chainline_export keeps blocks of tables that are no longer in"
                                + " the silver manifest: [chainline_export_dim_date, chainline_export_dim_product,"
                                + " chainline_load_dim_date, chainline_load_dim_product]; they load nothing and can be removed in Mage");
    }

    @Test
    void anInactiveTriggerWithAHiddenTokenIsActivatedAndRotated() {
        long id = fake.addApiTrigger(
                "chainline_export", "chainline_export_api", "a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0", "inactive");
        fake.hideTokens(true);

        ProvisionResult result = provisioner().provision(TestManifests.threeTables(), MANIFEST_URI);

        assertThat(result.triggerCreated()).isFalse();
        assertThat(result.triggerScheduleId()).isEqualTo(id);
        String rotated = onlyToken();
        assertThat(rotated).isNotEqualTo("a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0");
        assertThat(fake.schedules().get(id).path("status").asText()).isEqualTo("active");
        assertTriggerStored(id, rotated);
        Secrets.assertAbsent(logs, null, Secrets.of(rotated, "a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0"));
    }

    private void assertTriggerStored(long scheduleId, String token) {
        MageTriggerStore store = store();
        MageTrigger stored = store.load().orElseThrow();
        assertThat(stored.scheduleId()).isEqualTo(scheduleId);
        assertThat(stored.token().reveal()).isEqualTo(token);
        assertThat(stored.pipelineUuid()).isEqualTo("chainline_export");
        try {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                    .isEqualTo("rw-------");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
