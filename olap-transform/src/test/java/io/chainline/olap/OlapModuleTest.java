package io.chainline.olap;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.CoreModule;
import io.chainline.olap.build.BuildInput;
import io.chainline.olap.build.BuiltTable;
import io.chainline.olap.build.DimDateBuilder;
import io.chainline.olap.build.TableBuilder;
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

        assertThat(injector.getInstance(SilverSettings.class).keepVersions()).isEqualTo(3);
        assertThat(injector.getInstance(SparkSettings.class).master()).isEqualTo("local[*]");
        assertThat(injector.getInstance(SparkSessionFactory.class).isStarted())
                .as("a production injector does not start Spark")
                .isFalse();
        assertThat(injector.getInstance(OlapStageFactory.class)).isSameAs(injector.getInstance(OlapStageFactory.class));
    }

    @Test
    void everyBuilderOfTheStarSchemaIsBoundUnderItsName() {
        Injector injector = Guice.createInjector(new CoreModule(TestConfigs.load()), new OlapModule());

        Set<TableBuilder> builders = injector.getInstance(Key.get(new TypeLiteral<Set<TableBuilder>>() {}));

        assertThat(builders)
                .extracting(TableBuilder::name)
                .containsExactlyInAnyOrder(
                        "dim_customer",
                        "dim_product",
                        "dim_location",
                        "dim_department",
                        "dim_shipping",
                        "dim_metadata",
                        "dim_date",
                        "fact_order");
        assertThat(injector.getInstance(OlapModule.tableBuilderKey("dim_date"))).isInstanceOf(DimDateBuilder.class);
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

        Set<TableBuilder> builders = injector.getInstance(Key.get(new TypeLiteral<Set<TableBuilder>>() {}));

        assertThat(builders).hasSize(9).extracting(TableBuilder::name).contains("agg_sales", "dim_date");
        assertThat(builders)
                .filteredOn(builder -> builder.name().equals("dim_date"))
                .singleElement()
                .isInstanceOf(NamedBuilder.class);
    }

    @Test
    void silverDefaults() {
        assertThat(SilverSettings.from(TestConfigs.load()))
                .isEqualTo(new SilverSettings(SilverSettings.Compression.ZSTD, List.of(), Duration.ofHours(2), 3));
    }

    @Test
    void everySilverKeyMapsToItsField() {
        Config config = TestConfigs.load(
                "chainline.silver.compression=snappy",
                "chainline.silver.warn-only=[unique-key, \"fact_order.no-orphan\"]",
                "chainline.silver.lock-ttl=15m",
                "chainline.silver.keep-versions=7");

        assertThat(SilverSettings.from(config))
                .isEqualTo(new SilverSettings(
                        SilverSettings.Compression.SNAPPY,
                        List.of("unique-key", "fact_order.no-orphan"),
                        Duration.ofMinutes(15),
                        7));
    }

    @Test
    void invalidSilverValuesAreReportedTogether() {
        Config config = TestConfigs.load(
                "chainline.silver.compression=gzip",
                "chainline.silver.warn-only=[uniq]",
                "chainline.silver.lock-ttl=0s",
                "chainline.silver.keep-versions=0");

        assertThatThrownBy(() -> SilverSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Invalid value 'gzip' for 'chainline.silver.compression': must be one of" + " zstd, snappy")
                .hasMessageContaining("Invalid value 'uniq' for 'chainline.silver.warn-only'")
                .hasMessageContaining("'chainline.silver.lock-ttl'")
                .hasMessageContaining("Invalid value '0' for 'chainline.silver.keep-versions': must be >= 1");
    }

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
