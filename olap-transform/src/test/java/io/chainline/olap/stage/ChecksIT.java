package io.chainline.olap.stage;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import com.google.inject.Module;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.DataQualityException;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.StageReport;
import io.chainline.core.store.BlobStore;
import io.chainline.olap.OlapModule;
import io.chainline.olap.build.BuildInput;
import io.chainline.olap.build.BuiltTable;
import io.chainline.olap.build.TableBuilder;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checks that fail the build, warn-only checks, type-1 conflicts and a custom table. */
class ChecksIT {
    private static final String RUN = "20261125-120000-aaaa";

    @TempDir
    Path root;

    @Test
    void aBuilderThatBreaksKeyUniquenessFailsTheStageNamingTableAndKey() {
        RawFixture fixture = smallFixture();
        Map<String, String> renamed = OrderFixture.item(6);
        renamed.put("Department Name", "Fitness & Outdoor");
        fixture.add(renamed, 6, 6).writeAvro(root, OrderFixture.HOUR);
        Module naiveDepartments = binder ->
                binder.bind(OlapModule.tableBuilderKey("dim_department")).toInstance(new NaiveDepartments());

        assertThatThrownBy(() -> new OlapHarness(root).run(RUN, naiveDepartments))
                .isInstanceOf(DataQualityException.class)
                .hasMessageContaining("check dim_department.unique-key")
                .hasMessageContaining("occur more than once in dim_department, e.g. department_id 2");
        assertNothingPublished();
    }

    @Test
    void anOrphanForeignKeyFailsTheStageUnlessItIsWarnOnly() {
        RawFixture fixture = smallFixture();
        Map<String, String> stranger = OrderFixture.item(6);
        stranger.put("Order Customer Id", "999");
        fixture.add(stranger, 6, 6).writeAvro(root, OrderFixture.HOUR);
        OlapHarness harness = new OlapHarness(root);

        assertThatThrownBy(() -> harness.run(RUN))
                .isInstanceOf(DataQualityException.class)
                .hasMessageContaining("check fact_order.order_customer_id.no-orphan")
                .hasMessageContaining("that is not in dim_customer, e.g. order_customer_id 999");
        assertNothingPublished();

        StageReport report = harness.run("20261125-130000-bbbb", "chainline.silver.warn-only=[fact_order.no-orphan]");

        assertThat(report.checks())
                .filteredOn(check -> check.status() == CheckResult.Status.WARNED)
                .extracting(CheckResult::name)
                .containsExactly("fact_order.order_customer_id.no-orphan");
        assertThat(report.warnings()).anyMatch(warning -> warning.contains("order_customer_id 999"));
        assertThat(harness.manifest().checks()).anyMatch(check -> check.status() == CheckResult.Status.WARNED);
    }

    @Test
    void whenACustomersCityChangesTheLatestOrderWinsAndTheConflictIsCounted() {
        RawFixture fixture = new RawFixture();
        Map<String, String> early = OrderFixture.item(0);
        early.put("order date (DateOrders)", "1/5/2018 10:00");
        Map<String, String> late = OrderFixture.item(3);
        late.put("order date (DateOrders)", "1/9/2018 10:00");
        late.put("Customer City", "San Juan");
        fixture.add(late, 0, 0)
                .add(early, 1, 50)
                .add(OrderFixture.item(1), 2, 60)
                .writeAvro(root, OrderFixture.HOUR);
        OlapHarness harness = new OlapHarness(root);

        StageReport report = harness.run(RUN);

        assertThat(harness.row("dim_customer", 101L).<String>getAs("customer_city"))
                .isEqualTo("San Juan");
        assertThat(harness.row("dim_customer", 102L).<String>getAs("customer_city"))
                .isEqualTo("Chicago");
        assertThat(report.counters())
                .containsEntry("conflicts.dim_customer", 1L)
                .containsEntry("conflicts.dim_product", 0L);
    }

    @Test
    void aCustomTableBuilderBoundByAModuleIsBuiltCheckedAndListedInTheManifest() {
        smallFixture().writeAvro(root, OrderFixture.HOUR);
        Module salesByDepartment = binder ->
                OlapModule.addTableBuilder(binder, "agg_department_sales").toInstance(new SalesByDepartment());
        OlapHarness harness = new OlapHarness(root);

        StageReport report = harness.run(RUN, salesByDepartment);

        ManifestTable table = harness.manifest().table("agg_department_sales").orElseThrow();
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.uris()).allMatch(uri -> uri.endsWith(".parquet"));
        assertThat(harness.row("agg_department_sales", 2).<BigDecimal>getAs("sales"))
                .isEqualByComparingTo("983.25");
        assertThat(report.checks()).extracting(CheckResult::name).contains("agg_department_sales.unique-key");
        assertThat(harness.manifest().tables()).hasSize(9);
    }

    /** Items 1000-1005: customers 101-103, products 1360 (department 2, three items) and 365 (department 4). */
    private static RawFixture smallFixture() {
        RawFixture fixture = new RawFixture();
        for (int k = 0; k < 6; k++) {
            fixture.add(OrderFixture.item(k), k, k);
        }
        return fixture;
    }

    private void assertNothingPublished() {
        try (BlobStore store = new OlapHarness(root).store()) {
            assertThat(SilverManifest.read(store)).isEmpty();
            assertThat(store.stat("silver/_lock")).isEmpty();
        }
    }

    /** Keeps every (id, name) pair: a department renamed between rows appears twice. */
    private static final class NaiveDepartments implements TableBuilder {
        @Override
        public BuiltTable build(BuildInput input) {
            return BuiltTable.of(
                    "dim_department",
                    input.conformed()
                            .select(col("department_id").cast("bigint").as("department_id"), col("department_name"))
                            .distinct(),
                    "department_id");
        }
    }

    /** Sales per department. */
    private static final class SalesByDepartment implements TableBuilder {
        @Override
        public BuiltTable build(BuildInput input) {
            return BuiltTable.of(
                    "agg_department_sales",
                    input.conformed()
                            .groupBy(col("department_id"))
                            .agg(sum(col("sales")).as("sales")),
                    "department_id");
        }
    }
}
