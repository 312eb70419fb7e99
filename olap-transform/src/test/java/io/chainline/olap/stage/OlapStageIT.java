package io.chainline.olap.stage;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.manifest.ManifestColumn;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.StageReport;

import static org.assertj.core.api.Assertions.assertThat;

/** The star schema built once from the standard hand-written fixture, table by table and field by field. */
class OlapStageIT {
    private static final String RUN = "20261125-120000-aaaa";

    @TempDir
    static Path root;

    private static OlapHarness harness;
    private static StageReport report;

    @BeforeAll
    static void buildOnce() {
        OrderFixture.write(root);
        harness = new OlapHarness(root);
        report = harness.run(RUN);
    }

    @Test
    void everyRawRowIsAccountedFor() {
        assertThat(report.rowsIn()).isEqualTo(31);
        assertThat(report.rowsOut()).isEqualTo(28);
        assertThat(report.rowsRejected()).isEqualTo(1);
        assertThat(report.counters())
                .containsEntry("replays_dropped", 1L)
                .containsEntry("superseded", 1L)
                .containsEntry("unknown.dim_customer", 1L)
                .containsEntry("unknown.dim_product", 0L)
                .containsEntry("unknown.dim_date", 0L)
                .containsEntry("conflicts.dim_customer", 0L)
                .containsEntry("conflicts.dim_product", 0L)
                .containsEntry("conflicts.dim_department", 0L)
                .containsEntry("executors", 1L);
        assertThat(report.outputs())
                .containsExactly(root.resolve("silver/_manifest.json").toUri().toString(), "spark-master=local[2]");
    }

    @Test
    void theManifestListsEveryTableWithItsFilesCountsAndSchema() {
        SilverManifest manifest = harness.manifest();

        assertThat(manifest.runId()).isEqualTo(RUN);
        assertThat(manifest.tables())
                .extracting(ManifestTable::name, ManifestTable::rowCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dim_customer", 4L),
                        org.assertj.core.groups.Tuple.tuple("dim_date", 15L),
                        org.assertj.core.groups.Tuple.tuple("dim_department", 3L),
                        org.assertj.core.groups.Tuple.tuple("dim_location", 5L),
                        org.assertj.core.groups.Tuple.tuple("dim_metadata", 29L),
                        org.assertj.core.groups.Tuple.tuple("dim_product", 3L),
                        org.assertj.core.groups.Tuple.tuple("dim_shipping", 15L),
                        org.assertj.core.groups.Tuple.tuple("fact_order", 28L));
        for (ManifestTable table : manifest.tables()) {
            assertThat(table.uris())
                    .isNotEmpty()
                    .allSatisfy(uri -> assertThat(java.net.URI.create(uri).getPath())
                            .startsWith(root.resolve("silver/" + table.name() + "/data/")
                                    .toString())
                            .endsWith(".parquet")
                            .doesNotContain("*"));
            assertThat(table.snapshotId()).isNotNull();
            assertThat(table.metadataLocation()).endsWith(".metadata.json");
            assertThat(harness.build(table.name(), RUN)).hasSize((int) table.rowCount());
            assertThat(harness.rows(table.name())).hasSize((int) table.rowCount());
            assertThat(table.columns()).extracting(ManifestColumn::name).noneMatch(name -> name.contains("password"));
        }
        ManifestTable fact = manifest.table("fact_order").orElseThrow();
        assertThat(fact.partitionColumns()).isEmpty();
        assertThat(fact.uris())
                .anyMatch(uri -> uri.contains("/order_date_month=2018-01/"))
                .anyMatch(uri -> uri.contains("/order_date_month=2018-02/"));
        assertThat(fact.columns())
                .contains(
                        new ManifestColumn("order_item_id", "bigint", true),
                        new ManifestColumn("sales", "decimal(38,9)", true),
                        new ManifestColumn("order_date", "timestamp", true));
        assertThat(manifest.checks()).isNotEmpty().allMatch(check -> check.status() == CheckResult.Status.PASSED);
        assertThat(manifest.checks())
                .extracting(CheckResult::name)
                .contains(
                        "dim_customer.unique-key",
                        "fact_order.not-null-key",
                        "fact_order.order_customer_id.no-orphan",
                        "fact_order.fact-matches-input",
                        "dim_metadata.row-count");
    }

    @Test
    void theUpdatedItemKeepsItsLatestVersionAndUsesBothDateForms() {
        Row item = harness.row("fact_order", 1003L);

        assertThat(item.<Long>getAs("order_id")).isEqualTo(5001L);
        assertThat(item.<Integer>getAs("order_item_quantity")).isEqualTo(2);
        assertThat(item.<BigDecimal>getAs("sales")).isEqualByComparingTo("119.98");
        assertThat(item.<BigDecimal>getAs("order_item_total")).isEqualByComparingTo("119.98");
        assertThat(item.<String>getAs("order_status")).isEqualTo("CLOSED");
        assertThat(item.<String>getAs("payment_type")).isEqualTo("DEBIT");
        assertThat(item.<Timestamp>getAs("order_date").toInstant()).isEqualTo(Instant.parse("2018-01-02T10:30:00Z"));
        assertThat(item.<Integer>getAs("order_date_key")).isEqualTo(20180102);
        assertThat(item.schema().fieldNames()).doesNotContain("order_month");
        assertThat(item.<Long>getAs("order_customer_id")).isEqualTo(101L);
        assertThat(item.<Long>getAs("product_card_id")).isEqualTo(365L);
        assertThat(item.<Long>getAs("department_id")).isEqualTo(4L);

        Row metadata = harness.row("dim_metadata", item.<Long>getAs("metadata_id"));
        assertThat(metadata.<Long>getAs("kafka_offset")).isEqualTo(28L);
        assertThat(metadata.<Integer>getAs("kafka_partition")).isZero();
        assertThat(metadata.<String>getAs("kafka_topic")).isEqualTo(RawFixture.TOPIC);
        assertThat(metadata.<String>getAs("kafka_topic_id")).isEqualTo(RawFixture.TOPIC_ID);
        assertThat(metadata.<String>getAs("kafka_key")).isEqualTo("1003");
        assertThat(metadata.<Timestamp>getAs("kafka_time").toInstant()).isEqualTo(RawFixture.T0.plusSeconds(100));

        Row shipping = harness.row("dim_shipping", item.<Long>getAs("shipping_id"));
        assertThat(shipping.<Timestamp>getAs("shipping_date").toInstant())
                .isEqualTo(Instant.parse("2018-01-05T10:30:00Z"));
        assertThat(shipping.<Integer>getAs("days_for_shipping_real")).isEqualTo(3);
        assertThat(shipping.<Integer>getAs("days_for_shipping_scheduled")).isEqualTo(4);
        assertThat(shipping.<String>getAs("shipping_mode")).isEqualTo("Standard Class");
        assertThat(shipping.<String>getAs("delivery_status")).isEqualTo("Advance shipping");

        Row location = harness.row("dim_location", item.<Long>getAs("location_id"));
        assertThat(location.<String>getAs("order_city")).isEqualTo("Los Angeles");
        assertThat(location.<String>getAs("order_region")).isEqualTo("West of USA");
        assertThat(location.<Double>getAs("latitude")).isEqualTo(34.12);
        assertThat(location.<Double>getAs("longitude")).isEqualTo(-118.3);
        assertThat(location.<String>getAs("order_zipcode")).isNull();
    }

    @Test
    void dimensionsHoldTrimmedTypedAttributesAndAnUnknownMember() {
        Row customer = harness.row("dim_customer", 103L);
        assertThat(customer.<String>getAs("customer_fname")).isEqualTo("Gillian");
        assertThat(customer.<String>getAs("customer_city")).isEqualTo("Brownsville");
        assertThat(customer.<String>getAs("customer_segment")).isEqualTo("Home Office");
        assertThat(customer.<String>getAs("customer_zipcode")).isNull();
        assertThat(customer.schema().fieldNames()).doesNotContain("customer_password");

        Row product = harness.row("dim_product", 1360L);
        assertThat(product.<String>getAs("product_name")).isEqualTo("Smart watch");
        assertThat(product.<String>getAs("product_image")).isEqualTo("http://images.acmesports.sports/Smart+watch");
        assertThat(product.<BigDecimal>getAs("product_price")).isEqualByComparingTo("327.75");
        assertThat(product.<Integer>getAs("product_category_id")).isEqualTo(73);
        assertThat(product.<String>getAs("product_description")).isNull();

        assertThat(harness.rows("dim_department"))
                .extracting(row -> row.get(0), row -> row.get(1))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(-1L, null),
                        org.assertj.core.groups.Tuple.tuple(2L, "Fitness"),
                        org.assertj.core.groups.Tuple.tuple(4L, "Apparel"));

        Row date = harness.row("dim_date", 20180102);
        assertThat(date.<Date>getAs("date").toLocalDate()).hasToString("2018-01-02");
        assertThat(List.of(
                        date.getAs("year"),
                        date.getAs("quarter"),
                        date.getAs("month"),
                        date.getAs("day"),
                        date.getAs("weekday"),
                        date.getAs("week")))
                .containsExactly(2018, 1, 1, 2, 2, 1);
        assertThat(harness.row("dim_date", -1).<Date>getAs("date")).isNull();
        assertThat(harness.row("dim_customer", -1L).<String>getAs("customer_city"))
                .isNull();

        Row orphanless = harness.row("fact_order", 1027L);
        assertThat(orphanless.<Long>getAs("order_customer_id")).isEqualTo(-1L);
    }

    @Test
    void theBadRowIsInTheRejectsTableWithItsReason() {
        List<Row> rejects = harness.rejects(RUN);

        assertThat(rejects).hasSize(1);
        Row reject = rejects.get(0);
        assertThat(reject.<String>getAs("reject_reason")).isEqualTo("Sales: 'abc' is not a decimal number");
        assertThat(reject.<Long>getAs("kafka_offset")).isEqualTo(29L);
        assertThat(reject.<String>getAs("raw_data"))
                .contains("\"Sales\":\"abc\"")
                .contains("\"Order Item Id\":\"1028\"")
                .doesNotContain("Customer Password");
        assertThat(harness.rows("fact_order")).noneMatch(row -> row.get(0).equals(1028L));
    }

    @Test
    void theReportHasOnePartPerTableAndTheRunStateTheResult() {
        assertThat(report.parts()).extracting(PartReport::name).containsExactlyElementsOf(OlapHarness.TABLES);
        assertThat(report.parts()).allSatisfy(part -> assertThat(part.bytes()).isPositive());
        assertThat(report.parts().get(7).rowsOut()).isEqualTo(28);
        assertThat(report.checks()).extracting(CheckResult::status).containsOnly(CheckResult.Status.PASSED);
        OlapResult result = harness.lastState().get(OlapResult.KEY).orElseThrow();
        assertThat(result)
                .isEqualTo(new OlapResult(root.resolve("silver/_manifest.json").toUri(), RUN, 28));
    }
}
