package io.chainline.olap;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provider;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.CoreModule;
import io.chainline.core.inject.Registry;
import io.chainline.olap.build.BuildInput;
import io.chainline.olap.build.BuiltTable;
import io.chainline.olap.build.DimDateBuilder;
import io.chainline.olap.build.TableBuilder;
import io.chainline.olap.iceberg.CatalogSettings;
import io.chainline.olap.spark.SparkSessionFactory;
import io.chainline.olap.spark.SparkSettings;
import io.chainline.olap.stage.OlapStageFactory;
import io.chainline.testkit.ReferenceConfAssertions;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OlapModuleTest {

    @Test
    void theModuleAloneWiresItsSettings() {
        Injector injector =
                Guice.createInjector(Stage.PRODUCTION, new CoreModule(TestConfigs.load()), new OlapModule());

        assertThat(injector.getInstance(SilverSettings.class).keepBuilds()).isEqualTo(3);
        assertThat(injector.getInstance(SparkSettings.class).master()).isEqualTo("local[*]");
        assertThat(injector.getInstance(SparkSessionFactory.class).isStarted())
                .as("a production injector does not start Spark")
                .isFalse();
        assertThat(injector.getInstance(OlapStageFactory.class)).isSameAs(injector.getInstance(OlapStageFactory.class));
    }

    private static Registry<TableBuilder> builders(Injector injector) {
        return injector.getInstance(OlapStageFactory.class).builders();
    }

    @Test
    void everyBuilderOfTheStarSchemaIsRegisteredUnderItsTableName() {
        Injector injector = Guice.createInjector(new CoreModule(TestConfigs.load()), new OlapModule());

        assertThat(builders(injector).names())
                .containsExactly(
                        "dim_customer",
                        "dim_date",
                        "dim_department",
                        "dim_location",
                        "dim_metadata",
                        "dim_product",
                        "dim_shipping",
                        "fact_order");
        assertThat(injector.getInstance(OlapModule.tableBuilderKey("dim_date"))).isInstanceOf(DimDateBuilder.class);
        assertThat(builders(injector).get("dim_date", "test")).isInstanceOf(DimDateBuilder.class);
    }

    @Test
    void anEmbeddingModuleReplacesOneBuilderByNameAndAddsAnother() {
        Module custom = binder -> {
            binder.bind(OlapModule.tableBuilderKey("dim_date")).toInstance(new NamedBuilder("dim_date"));
            OlapModule.addTableBuilder(binder, "agg_sales").toInstance(new NamedBuilder("agg_sales"));
        };
        Injector injector = Guice.createInjector(
                new CoreModule(TestConfigs.load()),
                Modules.override(new OlapModule()).with(custom));

        Registry<TableBuilder> builders = builders(injector);

        assertThat(builders.names()).hasSize(9).contains("agg_sales", "dim_date");
        assertThat(builders.get("dim_date", "test")).isEqualTo(new NamedBuilder("dim_date"));
        assertThat(builders.get("agg_sales", "test")).isEqualTo(new NamedBuilder("agg_sales"));
    }

    @Test
    void aWarnOnlyCheckOfAnUnknownTableFailsWithTheRegisteredOnes() {
        Config config = TestConfigs.load("chainline.silver.warn-only=[unique-key, \"dim_custmer.unique-key\"]");

        assertThatThrownBy(() -> Guice.createInjector(Stage.PRODUCTION, new CoreModule(config), new OlapModule()))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("Unknown table builder 'dim_custmer' for 'chainline.silver.warn-only':"
                        + " registered table builders are [dim_customer, dim_date, dim_department, dim_location,"
                        + " dim_metadata, dim_product, dim_shipping, fact_order]");
    }

    @Test
    void aWarnOnlyCheckMayNameATableAnEmbeddingModuleAdds() {
        Config config = TestConfigs.load("chainline.silver.warn-only=[\"agg_sales.unique-key\"]");
        Module custom =
                binder -> OlapModule.addTableBuilder(binder, "agg_sales").toInstance(new NamedBuilder("agg_sales"));

        Injector injector = Guice.createInjector(Stage.PRODUCTION, new CoreModule(config), new OlapModule(), custom);

        assertThat(injector.getInstance(SilverSettings.class).warnOnly()).containsExactly("agg_sales.unique-key");
    }

    @Test
    void silverDefaults() {
        assertThat(SilverSettings.from(TestConfigs.load(), STAR_SCHEMA)).isEqualTo(SilverSettings.defaults());
    }

    @Test
    void everySilverKeyMapsToItsField() {
        Config config = TestConfigs.load(
                "chainline.silver.raw-prefix=landing/raw",
                "chainline.silver.compression=snappy",
                "chainline.silver.warn-only=[unique-key, \"fact_order.no-orphan\"]",
                "chainline.silver.allow-empty-replacement=true",
                "chainline.silver.retention.keep-builds=7",
                "chainline.silver.retention.grace-period=15m",
                "chainline.silver.retention.abandoned-after=2h",
                "chainline.silver.retention.orphan-files-older-than=0s");

        assertThat(SilverSettings.from(config, STAR_SCHEMA))
                .isEqualTo(new SilverSettings(
                        "landing/raw",
                        SilverSettings.Compression.SNAPPY,
                        List.of("unique-key", "fact_order.no-orphan"),
                        true,
                        7,
                        Duration.ofMinutes(15),
                        Duration.ofHours(2),
                        Duration.ZERO));
    }

    @Test
    void invalidSilverValuesAreReportedTogether() {
        Config config = TestConfigs.load(
                "chainline.silver.raw-prefix=/raw_streaming/",
                "chainline.silver.compression=gzip",
                "chainline.silver.warn-only=[uniq]",
                "chainline.silver.retention.abandoned-after=1h",
                "chainline.silver.retention.orphan-files-older-than=10m",
                "chainline.silver.retention.keep-builds=0",
                "chainline.silver.catalog.type=hive",
                "chainline.silver.catalog.name=my-catalog");

        assertThatThrownBy(() -> SilverSettings.from(config, STAR_SCHEMA))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value '/raw_streaming/' for 'chainline.silver.raw-prefix': must be a"
                        + " relative object name such as raw_streaming")
                .hasMessageContaining(
                        "Invalid value 'gzip' for 'chainline.silver.compression': must be one of" + " zstd, snappy")
                .hasMessageContaining("Invalid value 'uniq' for 'chainline.silver.warn-only'")
                .hasMessageContaining("Invalid value 'PT10M' for 'chainline.silver.retention.orphan-files-older-than':"
                        + " must be 0 (never) or at least retention.abandoned-after")
                .hasMessageContaining("Invalid value '0' for 'chainline.silver.retention.keep-builds': must be >= 1");
        assertThatThrownBy(() -> CatalogSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 'hive' for 'chainline.silver.catalog.type': must be one of"
                        + " auto, hadoop, jdbc, rest")
                .hasMessageContaining("Invalid value 'my-catalog' for 'chainline.silver.catalog.name': must be a plain"
                        + " identifier");
    }

    /** The star schema's tables, for settings read without an injector. */
    private static final Registry<TableBuilder> STAR_SCHEMA = new Registry<>(
            "table builder",
            Map.<String, Provider<TableBuilder>>of(
                    "dim_customer", () -> new NamedBuilder("dim_customer"),
                    "fact_order", () -> new NamedBuilder("fact_order")));

    /** A builder that only has a name. */
    private record NamedBuilder(String name) implements TableBuilder {
        @Override
        public BuiltTable build(BuildInput input) {
            throw new UnsupportedOperationException("not built in this test");
        }
    }

    @Test
    void everyReferenceKeyIsDocumented() {
        ReferenceConfAssertions.assertEveryKeyDocumented(OlapModule.class);
    }
}
