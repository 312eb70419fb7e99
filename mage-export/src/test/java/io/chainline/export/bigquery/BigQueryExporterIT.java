package io.chainline.export.bigquery;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.error.RetriableException;
import io.chainline.core.manifest.ManifestColumn;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageContext;
import io.chainline.export.spi.ExportResult;
import io.chainline.export.spi.TableExport;
import io.chainline.testkit.TestConfigs;
import io.chainline.testkit.TestStageContexts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The BigQuery exporter with the real google-cloud-bigquery client against a local stub of the REST API. */
class BigQueryExporterIT {
    private static final String RUN = "20261125-110000-ab12";
    private static final String SILVER = "gs://bkt/chain/silver/";
    private static final List<String> FACT_FILES = List.of(
            SILVER + "fact_order/" + RUN + "/order_month=2017-01/part-00000.parquet",
            SILVER + "fact_order/" + RUN + "/order_month=2017-02/part-00000.parquet");

    private BigQueryStub stub;
    private BigQueryConnection connection;

    @BeforeEach
    void start() throws IOException {
        stub = new BigQueryStub();
        connection = connection(List.of("order_customer_id", "product_card_id"));
    }

    @AfterEach
    void stop() {
        connection.close();
        stub.close();
    }

    private BigQueryConnection connection(List<String> clustering) {
        return connection(clustering, Duration.ofMinutes(1));
    }

    private BigQueryConnection connection(List<String> clustering, Duration jobTimeout) {
        BigQuerySettings settings = new BigQuerySettings(
                Optional.of("proj"),
                "supply",
                "EU",
                Optional.of(stub.endpoint()),
                clustering,
                jobTimeout,
                Duration.ofMillis(5));
        return new BigQueryConnection(settings, Optional.empty(), Optional.empty());
    }

    private static SilverManifest manifest() {
        ManifestTable customer = new ManifestTable(
                "dim_customer",
                SILVER + "dim_customer/" + RUN + "/",
                List.of(SILVER + "dim_customer/" + RUN + "/part-00000.parquet"),
                3,
                List.of(
                        new ManifestColumn("customer_id", "bigint", false),
                        new ManifestColumn("customer_city", "string", true)),
                List.of());
        ManifestTable fact = new ManifestTable(
                "fact_order",
                SILVER + "fact_order/" + RUN + "/",
                FACT_FILES,
                5,
                List.of(
                        new ManifestColumn("order_item_id", "bigint", false),
                        new ManifestColumn("order_customer_id", "bigint", true),
                        new ManifestColumn("product_card_id", "bigint", true),
                        new ManifestColumn("order_date", "timestamp", true),
                        new ManifestColumn("sales", "decimal(38,9)", true),
                        new ManifestColumn("order_month", "string", true)),
                List.of("order_month"));
        return new SilverManifest(
                SilverManifest.FORMAT_VERSION,
                RUN,
                Instant.parse("2026-11-25T11:00:00Z"),
                List.of(customer, fact),
                List.of());
    }

    private static StageContext context() {
        return TestStageContexts.forStage(Stage.of("gcs-to-bigquery", c -> null), TestConfigs.load());
    }

    private JsonNode loadOf(String table) {
        return stub.jobInserts().stream()
                .map(insert -> insert.path("configuration").path("load"))
                .filter(load ->
                        load.path("destinationTable").path("tableId").asText().equals(table))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no load job for " + table));
    }

    private JsonNode queryOf(String table) {
        return stub.jobInserts().stream()
                .map(insert -> insert.path("configuration").path("query"))
                .filter(query ->
                        query.path("destinationTable").path("tableId").asText().equals(table))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no query job for " + table));
    }

    @Test
    void createsTheMissingDatasetAndLoadsEveryTableWithOneParquetJob() {
        stub.rows("dim_customer", 3);
        stub.rows("fact_order", 5);

        ExportResult result = new BigQueryExporter(connection).export(manifest(), context());

        assertThat(stub.datasetInserts()).singleElement().satisfies(dataset -> {
            assertThat(dataset.path("datasetReference").path("datasetId").asText())
                    .isEqualTo("supply");
            assertThat(dataset.path("location").asText()).isEqualTo("EU");
        });
        assertThat(stub.jobInserts()).hasSize(2);
        JsonNode fact = loadOf("fact_order");
        assertThat(fact.path("sourceUris")).extracting(JsonNode::asText).containsExactlyElementsOf(FACT_FILES);
        assertThat(fact.path("sourceFormat").asText()).isEqualTo("PARQUET");
        assertThat(fact.path("writeDisposition").asText()).isEqualTo("WRITE_TRUNCATE");
        assertThat(fact.path("decimalTargetTypes"))
                .extracting(JsonNode::asText)
                .containsExactly("NUMERIC", "BIGNUMERIC");
        assertThat(fact.path("timePartitioning").path("type").asText()).isEqualTo("MONTH");
        assertThat(fact.path("timePartitioning").path("field").asText()).isEqualTo("order_date");
        assertThat(fact.path("clustering").path("fields"))
                .extracting(JsonNode::asText)
                .containsExactly("order_customer_id", "product_card_id");
        assertThat(fact.has("hivePartitioningOptions")).isFalse();
        assertThat(fact.path("destinationTable").path("projectId").asText()).isEqualTo("proj");
        assertThat(fact.path("destinationTable").path("datasetId").asText()).isEqualTo("supply");
        JsonNode customer = loadOf("dim_customer");
        assertThat(customer.path("sourceUris"))
                .extracting(JsonNode::asText)
                .containsExactly(SILVER + "dim_customer/" + RUN + "/part-00000.parquet");
        assertThat(customer.has("timePartitioning")).isFalse();
        assertThat(customer.has("clustering")).isFalse();
        assertThat(stub.jobInserts())
                .allSatisfy(insert -> assertThat(
                                insert.path("jobReference").path("location").asText())
                        .isEqualTo("EU"));

        assertThat(result.destination()).isEqualTo("proj.supply");
        assertThat(result.tables())
                .extracting(
                        TableExport::table,
                        TableExport::expectedRows,
                        TableExport::loadedRows,
                        TableExport::destination)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dim_customer", 3L, 3L, "proj.supply.dim_customer"),
                        org.assertj.core.groups.Tuple.tuple("fact_order", 5L, 5L, "proj.supply.fact_order"));
        assertThat(result.tables()).allMatch(TableExport::verified);
    }

    @Test
    void aTableWithoutFilesReplacesThePreviousTableWithAnEmptyOneOfTheManifestsColumns() {
        stub.rows("dim_customer", 3);
        stub.rows("fact_order", 5);
        StageContext context = context();
        new BigQueryExporter(connection).export(manifest(), context);
        SilverManifest headerOnly = new SilverManifest(
                SilverManifest.FORMAT_VERSION,
                "20261125-120000-cd34",
                Instant.parse("2026-11-25T12:00:00Z"),
                manifest().tables().stream()
                        .map(table -> new ManifestTable(
                                table.name(), table.location(), List.of(), 0, table.columns(), List.of()))
                        .toList(),
                List.of());

        ExportResult result = new BigQueryExporter(connection).export(headerOnly, context);

        assertThat(stub.jobInserts()).hasSize(4);
        JsonNode fact = queryOf("fact_order");
        assertThat(fact.path("query").asText())
                .isEqualTo("SELECT CAST(NULL AS INT64) AS `order_item_id`, CAST(NULL AS INT64) AS"
                        + " `order_customer_id`, CAST(NULL AS INT64) AS `product_card_id`, CAST(NULL AS TIMESTAMP) AS"
                        + " `order_date`, CAST(NULL AS NUMERIC) AS `sales`, CAST(NULL AS STRING) AS `order_month`"
                        + " LIMIT 0");
        assertThat(fact.path("useLegacySql").asBoolean(true)).isFalse();
        assertThat(fact.path("writeDisposition").asText()).isEqualTo("WRITE_TRUNCATE");
        assertThat(fact.path("createDisposition").asText()).isEqualTo("CREATE_IF_NEEDED");
        assertThat(fact.path("destinationTable").path("datasetId").asText()).isEqualTo("supply");
        assertThat(fact.path("timePartitioning").path("field").asText()).isEqualTo("order_date");
        assertThat(fact.path("clustering").path("fields"))
                .extracting(JsonNode::asText)
                .containsExactly("order_customer_id", "product_card_id");
        assertThat(queryOf("dim_customer").path("query").asText())
                .isEqualTo("SELECT CAST(NULL AS INT64) AS `customer_id`, CAST(NULL AS STRING) AS `customer_city`"
                        + " LIMIT 0");
        assertThat(result.tables())
                .extracting(TableExport::table, TableExport::expectedRows, TableExport::loadedRows)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dim_customer", 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("fact_order", 0L, 0L));
        assertThat(result.tables()).allMatch(TableExport::verified);
    }

    @Test
    void decimalsTakeTheTypeAParquetLoadGivesThem() {
        ManifestTable table = new ManifestTable(
                "dim_product",
                SILVER + "dim_product/",
                List.of(),
                0,
                List.of(
                        new ManifestColumn("price", "decimal(38,9)", true),
                        new ManifestColumn("rate", "decimal(10,2)", true),
                        new ManifestColumn("huge", "decimal(38,30)", true),
                        new ManifestColumn("at", "timestamp_ntz", true)),
                List.of());

        assertThat(EmptyTableJobs.query(table))
                .isEqualTo("SELECT CAST(NULL AS NUMERIC) AS `price`, CAST(NULL AS NUMERIC) AS `rate`,"
                        + " CAST(NULL AS BIGNUMERIC) AS `huge`, CAST(NULL AS DATETIME) AS `at` LIMIT 0");
    }

    @Test
    void anExistingDatasetIsReused() {
        stub.dataset("proj", "supply");
        stub.rows("dim_customer", 3);
        stub.rows("fact_order", 5);

        new BigQueryExporter(connection).export(manifest(), context());

        assertThat(stub.datasetInserts()).isEmpty();
        assertThat(stub.requests())
                .anyMatch(request -> request.startsWith("GET /bigquery/v2/projects/proj/datasets/supply"));
    }

    @Test
    void aFailedJobSurfacesItsErrorWithTheTableName() {
        stub.rows("dim_customer", 3);
        stub.failLoad(
                "fact_order",
                "invalid",
                "Error while reading data, error message: Parquet column 'sales' has type INT32 which does not match");

        assertThatThrownBy(() -> new BigQueryExporter(connection).export(manifest(), context()))
                .isInstanceOf(DataQualityException.class)
                .hasMessageStartingWith("The BigQuery load job chainline_load_fact_order_" + RUN + "_")
                .hasMessageContaining("of table fact_order failed: invalid: Error while reading data, error message:"
                        + " Parquet column 'sales' has type INT32 which does not match");
    }

    @Test
    void aRowCountThatDiffersFromTheManifestFailsTheExport() {
        stub.rows("dim_customer", 2);
        stub.rows("fact_order", 5);

        assertThatThrownBy(() -> new BigQueryExporter(connection).export(manifest(), context()))
                .isInstanceOf(DataQualityException.class)
                .hasMessage("BigQuery table proj.supply.dim_customer holds 2 rows after loading, but the silver"
                        + " manifest of run " + RUN + " lists 3 for dim_customer");
        assertThat(stub.jobInserts()).hasSize(1);
    }

    @Test
    void aRetriedRunFindsItsJobsInsteadOfLoadingTwice() {
        stub.rows("dim_customer", 3);
        stub.rows("fact_order", 5);
        StageContext context = context();
        new BigQueryExporter(connection).export(manifest(), context);

        ExportResult again = new BigQueryExporter(connection).export(manifest(), context);

        assertThat(stub.jobInserts()).hasSize(2);
        assertThat(again.tables()).allMatch(TableExport::verified);
    }

    @Test
    void aJobThatDoesNotFinishInTimeFailsNamingTheTable() {
        stub.rows("dim_customer", 3);
        stub.neverFinish("fact_order");
        BigQueryConnection impatient = connection(List.of(), Duration.ofMillis(300));

        assertThatThrownBy(() -> new BigQueryExporter(impatient).export(manifest(), context()))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining(
                        "of table fact_order did not finish within 0.3s" + " (chainline.export.bigquery.job-timeout)");
    }

    @Test
    void aClusteringColumnTheFactLacksIsNamed() {
        BigQueryConnection wrong = connection(List.of("customer_segment"));

        assertThatThrownBy(() -> new BigQueryExporter(wrong).export(manifest(), context()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid clustering column (chainline.export.bigquery.fact-order-clustering)"
                        + " 'customer_segment' for table fact_order: the table has no such column");
        assertThat(stub.jobInserts()).isEmpty();
    }

    @Test
    void filesOutsideGcsAreRefusedBeforeAnyJob() {
        SilverManifest local = new SilverManifest(
                SilverManifest.FORMAT_VERSION,
                RUN,
                Instant.EPOCH,
                List.of(new ManifestTable(
                        "dim_date",
                        "file:/data/silver/dim_date/",
                        List.of("file:/data/silver/dim_date/part-0.parquet"),
                        1,
                        List.of(),
                        List.of())),
                List.of());

        assertThatThrownBy(() -> new BigQueryExporter(connection).export(local, context()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Table dim_date lists files that are not on GCS, e.g."
                        + " 'file:/data/silver/dim_date/part-0.parquet'");
        assertThat(stub.jobInserts()).isEmpty();
    }
}
