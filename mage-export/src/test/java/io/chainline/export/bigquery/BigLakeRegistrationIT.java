package io.chainline.export.bigquery;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.ConfigException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageContext;
import io.chainline.export.mage.TestManifests;
import io.chainline.export.spi.ExportResult;
import io.chainline.export.spi.TableExport;
import io.chainline.testkit.TestConfigs;
import io.chainline.testkit.TestStageContexts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Method {@code biglake-iceberg} of the BigQuery exporter, with the real google-cloud-bigquery client against a local
 * stub of the REST API: external Iceberg tables registered and moved, never a load job.
 */
class BigLakeRegistrationIT {
    private static final String SILVER = "gs://bkt/chain/silver";
    private static final String CONNECTION = "projects/proj/locations/eu/connections/silver-lake";
    private static final List<String> TABLES = List.of("fact_order", "dim_date", "dim_product");

    private BigQueryStub stub;
    private BigQueryConnection connection;

    @BeforeEach
    void start() throws IOException {
        stub = new BigQueryStub();
        connection = connection(CONNECTION);
    }

    @AfterEach
    void stop() {
        connection.close();
        stub.close();
    }

    private BigQueryConnection connection(String connectionId) {
        BigQuerySettings settings = new BigQuerySettings(
                Optional.of("proj"),
                "supply",
                "EU",
                Optional.of(stub.endpoint()),
                List.of("order_customer_id"),
                Duration.ofMinutes(1),
                Duration.ofMillis(5),
                BigQueryMethod.BIGLAKE_ICEBERG,
                Optional.of(connectionId));
        return new BigQueryConnection(settings, Optional.empty(), Optional.empty());
    }

    private static SilverManifest build(int metadataVersion) {
        return TestManifests.withIcebergMetadata(TestManifests.threeTables(), SILVER, metadataVersion);
    }

    private static String metadata(String table, int version) {
        return TestManifests.metadataLocation(SILVER, table, version);
    }

    private static StageContext context() {
        return TestStageContexts.forStage(Stage.of("gcs-to-bigquery", c -> null), TestConfigs.load());
    }

    private ExportResult export(SilverManifest manifest) {
        return new BigQueryExporter(connection).export(manifest, context());
    }

    private JsonNode insertOf(String table) {
        return stub.tableInserts().stream()
                .filter(insert ->
                        insert.path("tableReference").path("tableId").asText().equals(table))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no tables.insert for " + table));
    }

    private void assertNothingChanged() {
        assertThat(stub.datasetInserts()).isEmpty();
        assertThat(stub.tableInserts()).isEmpty();
        assertThat(stub.tableChanges()).isEmpty();
        assertThat(stub.jobInserts()).isEmpty();
    }

    @Test
    void everyTableBecomesAnExternalIcebergTableOverItsMetadataFileAndNothingIsLoaded() {
        ExportResult result = export(build(12));

        assertThat(stub.datasetInserts())
                .singleElement()
                .satisfies(
                        dataset -> assertThat(dataset.path("location").asText()).isEqualTo("EU"));
        assertThat(stub.tableInserts()).hasSize(3);
        for (String table : TABLES) {
            JsonNode insert = insertOf(table);
            JsonNode external = insert.path("externalDataConfiguration");
            assertThat(external.path("sourceFormat").asText()).as(table).isEqualTo("ICEBERG");
            assertThat(external.path("sourceUris"))
                    .extracting(JsonNode::asText)
                    .as(table)
                    .containsExactly(metadata(table, 12));
            assertThat(external.path("connectionId").asText()).as(table).isEqualTo(CONNECTION);
            assertThat(insert.path("tableReference").path("projectId").asText()).isEqualTo("proj");
            assertThat(insert.path("tableReference").path("datasetId").asText()).isEqualTo("supply");
            assertThat(insert.has("schema"))
                    .as("BigQuery takes the schema from the metadata")
                    .isFalse();
            assertThat(stub.requests())
                    .as("the registration of %s is read back", table)
                    .anyMatch(request ->
                            request.startsWith("GET /bigquery/v2/projects/proj/datasets/supply/tables/" + table));
        }
        assertThat(stub.jobInserts()).isEmpty();
        assertThat(stub.requests()).noneMatch(request -> request.contains("/jobs"));
        assertThat(stub.tableChanges()).isEmpty();

        assertThat(result.destination()).isEqualTo("proj.supply");
        assertThat(result.tables())
                .extracting(
                        TableExport::table,
                        TableExport::expectedRows,
                        TableExport::loadedRows,
                        TableExport::destination)
                .containsExactly(
                        tuple("fact_order", 1200L, 1200L, "proj.supply.fact_order"),
                        tuple("dim_date", 1461L, 1461L, "proj.supply.dim_date"),
                        tuple("dim_product", 118L, 118L, "proj.supply.dim_product"));
        assertThat(result.notes())
                .containsExactly(
                        "fact_order: BigLake Iceberg table created, reads " + metadata("fact_order", 12)
                                + " (snapshot 12); rows as the silver manifest counts them",
                        "dim_date: BigLake Iceberg table created, reads " + metadata("dim_date", 12)
                                + " (snapshot 12); rows as the silver manifest counts them",
                        "dim_product: BigLake Iceberg table created, reads " + metadata("dim_product", 12)
                                + " (snapshot 12); rows as the silver manifest counts them");
    }

    @Test
    void aLaterBuildMovesTheExistingTablesToItsMetadataFileInPlace() {
        export(build(12));

        ExportResult later = export(build(13));

        assertThat(stub.tableInserts()).as("no table is created twice").hasSize(3);
        assertThat(stub.tableChanges()).hasSize(3).allSatisfy(change -> {
            assertThat(change.method()).isEqualTo("PATCH");
            assertThat(change.query()).contains("autodetect_schema=true");
            JsonNode external = change.body().path("externalDataConfiguration");
            assertThat(external.path("sourceFormat").asText()).isEqualTo("ICEBERG");
            assertThat(external.path("sourceUris"))
                    .extracting(JsonNode::asText)
                    .containsExactly(metadata(change.table(), 13));
            assertThat(external.path("connectionId").asText()).isEqualTo(CONNECTION);
        });
        for (String table : TABLES) {
            assertThat(stub.table(table).path("type").asText()).isEqualTo("EXTERNAL");
            assertThat(stub.table(table).path("externalDataConfiguration").path("sourceUris"))
                    .extracting(JsonNode::asText)
                    .containsExactly(metadata(table, 13));
        }
        assertThat(stub.datasetInserts()).as("the dataset is created once").hasSize(1);
        assertThat(stub.jobInserts()).isEmpty();
        assertThat(later.notes()).first().asString().startsWith("fact_order: BigLake Iceberg table updated, reads ");
    }

    @Test
    void aManifestWithoutMetadataLocationsFailsNamingTheTablesBeforeAnythingChanges() {
        SilverManifest twelve = build(12);
        ManifestTable date = twelve.table("dim_date").orElseThrow();
        SilverManifest mixed = new SilverManifest(
                twelve.formatVersion(),
                twelve.runId(),
                twelve.createdAt(),
                twelve.tables().stream()
                        .map(table -> table.name().equals("dim_date")
                                ? new ManifestTable(
                                        date.name(),
                                        date.location(),
                                        date.uris(),
                                        date.rowCount(),
                                        date.columns(),
                                        date.partitionColumns())
                                : table)
                        .toList(),
                List.of());

        assertThatThrownBy(() -> export(mixed))
                .isInstanceOf(DataQualityException.class)
                .hasMessageStartingWith("The silver manifest of run " + TestManifests.RUN_ID
                        + " names no Iceberg metadata file for dim_date: ")
                .hasMessageContaining("Build silver again with this version");
        assertNothingChanged();
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aMetadataFileOutsideGcsIsRefusedBeforeAnythingChanges() {
        SilverManifest local = TestManifests.withIcebergMetadata(TestManifests.threeTables(), "file:/data/silver", 3);

        assertThatThrownBy(() -> export(local))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .hasSize(3)
                        .first()
                        .asString()
                        .startsWith("Table fact_order has its Iceberg metadata file at '"
                                + TestManifests.metadataLocation("file:/data/silver", "fact_order", 3)
                                + "', not on GCS: BigLake reads only gs:// metadata"));
        assertNothingChanged();
    }

    @Test
    void aNativeTableOfTheSameNameIsNeitherDroppedNorReplaced() {
        stub.nativeTable("proj", "supply", "dim_date");

        assertThatThrownBy(() -> export(build(12)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("BigQuery table proj.supply.dim_date exists as a native table (as method load creates),"
                        + " which method biglake-iceberg does not replace: drop it (bq rm -t proj:supply.dim_date)"
                        + " or set chainline.export.bigquery.dataset to another dataset");
        assertNothingChanged();
        assertThat(stub.table("dim_date").path("type").asText()).isEqualTo("TABLE");
        assertThat(stub.requests()).noneMatch(request -> request.startsWith("DELETE"));
    }

    @Test
    void aConnectionGivenAsLocationAndIdIsQualifiedWithTheProject() {
        BigQueryConnection shortForm = connection("eu.silver-lake");
        try {
            new BigQueryExporter(shortForm).export(build(12), context());
        } finally {
            shortForm.close();
        }

        assertThat(stub.tableInserts())
                .hasSize(3)
                .allSatisfy(insert -> assertThat(insert.path("externalDataConfiguration")
                                .path("connectionId")
                                .asText())
                        .isEqualTo("proj.eu.silver-lake"));
    }

    @Test
    void aTableThatDoesNotReadTheNewMetadataFileAfterwardsFailsTheExport() {
        export(build(12));
        stub.ignoreChangesOf("dim_date");

        assertThatThrownBy(() -> export(build(13)))
                .isInstanceOf(ChainlineException.class)
                .hasMessage("BigQuery table proj.supply.dim_date is of type EXTERNAL reading ["
                        + metadata("dim_date", 12) + "] after its registration, not an external table reading the"
                        + " Iceberg metadata file " + metadata("dim_date", 13) + " of silver run "
                        + TestManifests.RUN_ID);
    }
}
