package io.chainline.export;

import java.nio.file.Path;
import java.util.Map;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.CoreModule;
import io.chainline.core.inject.Registry;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.StageContext;
import io.chainline.export.mage.MageExporter;
import io.chainline.export.mage.MageSettings;
import io.chainline.export.spi.ExportResult;
import io.chainline.export.spi.WarehouseExporter;
import io.chainline.export.stage.ExportRequest;
import io.chainline.export.stage.ExportStageFactory;
import io.chainline.testkit.ReferenceConfAssertions;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportModuleTest {

    /** The built-in exporters' modes, for settings read without an injector. */
    private static final Registry<WarehouseExporter> BUILT_IN = new Registry<>(
            "exporter",
            Map.<String, Provider<WarehouseExporter>>of(
                    "local", ExportModuleTest::notCreated,
                    "bigquery", ExportModuleTest::notCreated,
                    "mage", ExportModuleTest::notCreated));

    private static WarehouseExporter notCreated() {
        throw new AssertionError("settings must not create exporters");
    }

    @Test
    void defaults() {
        assertThat(ExportSettings.from(TestConfigs.load(), BUILT_IN))
                .isEqualTo(new ExportSettings("local", Path.of("./chainline-data/warehouse.duckdb")));
        assertThat(ExportSettings.duckdbPath(TestConfigs.load()))
                .isEqualTo(Path.of("./chainline-data/warehouse.duckdb"));
    }

    @Test
    void everyKeyMapsToItsField() {
        Config config = TestConfigs.load("chainline.export.mode=bigquery", "chainline.export.duckdb-path=/w/x.duckdb");

        assertThat(ExportSettings.from(config, BUILT_IN))
                .isEqualTo(new ExportSettings("bigquery", Path.of("/w/x.duckdb")));
    }

    @Test
    void anUnknownModeFailsWithTheRegisteredExporters() {
        assertThatThrownBy(() -> ExportSettings.from(TestConfigs.load("chainline.export.mode=Big Query"), BUILT_IN))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown exporter 'Big Query' for 'chainline.export.mode': registered exporters are"
                        + " [bigquery, local, mage]");
    }

    @Test
    void anUnregisteredModeFailsWhenTheInjectorIsBuiltAndListsTheRegisteredOnes() {
        Config config = TestConfigs.load("chainline.export.mode=snowflake");

        assertThatThrownBy(() -> Guice.createInjector(Stage.PRODUCTION, new CoreModule(config), new ExportModule()))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("Unknown exporter 'snowflake' for 'chainline.export.mode': registered exporters"
                        + " are [bigquery, local, mage]");
    }

    @Test
    void theModuleAloneWiresItsSettingsAndExporters() {
        Injector injector =
                Guice.createInjector(Stage.PRODUCTION, new CoreModule(TestConfigs.load()), new ExportModule());

        assertThat(injector.getInstance(ExportSettings.class).mode()).isEqualTo("local");
        assertThat(injector.getInstance(ExportStageFactory.class).modes()).containsExactly("bigquery", "local", "mage");
        assertThat(injector.getInstance(ExportStageFactory.class)
                        .create(ExportRequest.configured())
                        .mode())
                .isEqualTo("local");
    }

    @Test
    void anEmbeddingProjectAddsAModeByRegisteringAnExporter() {
        Config config = TestConfigs.load("chainline.export.mode=parquet-copy");
        Injector injector = Guice.createInjector(
                Stage.PRODUCTION,
                new CoreModule(config),
                new ExportModule(),
                binder -> ExportModule.addExporter(binder, "parquet-copy").to(CopyExporter.class));

        ExportStageFactory factory = injector.getInstance(ExportStageFactory.class);

        assertThat(factory.modes()).containsExactly("bigquery", "local", "mage", "parquet-copy");
        assertThat(factory.create(ExportRequest.configured()).mode()).isEqualTo("parquet-copy");
        assertThat(factory.create(ExportRequest.mode("bigquery")).mode()).isEqualTo("bigquery");
        assertThatThrownBy(() -> factory.create(ExportRequest.mode("snowflake")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown exporter 'snowflake' for '--mode': registered exporters are"
                        + " [bigquery, local, mage, parquet-copy]");
    }

    @Test
    void aBuiltInExporterIsReplacedByOverridingItsKey() {
        Injector injector = Guice.createInjector(
                Stage.PRODUCTION,
                Modules.override(new CoreModule(TestConfigs.load()), new ExportModule())
                        .with(binder -> binder.bind(ExportModule.exporterKey("bigquery"))
                                .to(CopyExporter.class)));

        assertThat(injector.getInstance(Key.get(new TypeLiteral<Registry<WarehouseExporter>>() {}))
                        .get("bigquery", "test"))
                .isInstanceOf(CopyExporter.class);
    }

    @Test
    void theModuleRegistersTheMageExporterWithoutCreatingAClient() {
        Injector injector =
                Guice.createInjector(Stage.PRODUCTION, new CoreModule(TestConfigs.load()), new ExportModule());

        Registry<WarehouseExporter> exporters =
                injector.getInstance(Key.get(new TypeLiteral<Registry<WarehouseExporter>>() {}));

        assertThat(exporters.get("mage", "test")).isInstanceOf(MageExporter.class);
        assertThat(injector.getInstance(MageSettings.class).url()).isEmpty();
    }

    @Test
    void everyReferenceKeyIsDocumented() {
        ReferenceConfAssertions.assertEveryKeyDocumented(ExportModule.class);
    }

    /** An embedding project's exporter. */
    static final class CopyExporter implements WarehouseExporter {
        @Override
        public ExportResult export(SilverManifest manifest, StageContext context) {
            throw new UnsupportedOperationException("not used");
        }
    }
}
