package io.chainline.export;

import java.nio.file.Path;
import java.util.Set;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.CoreModule;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.StageContext;
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

    @Test
    void defaults() {
        assertThat(ExportSettings.from(TestConfigs.load()))
                .isEqualTo(new ExportSettings("local", Path.of("./chainline-data/warehouse.duckdb")));
    }

    @Test
    void everyKeyMapsToItsField() {
        Config config = TestConfigs.load("chainline.export.mode=bigquery", "chainline.export.duckdb-path=/w/x.duckdb");

        assertThat(ExportSettings.from(config)).isEqualTo(new ExportSettings("bigquery", Path.of("/w/x.duckdb")));
    }

    @Test
    void aModeThatIsNoNameIsRejectedWhenRead() {
        assertThatThrownBy(() -> ExportSettings.from(TestConfigs.load("chainline.export.mode=Big Query")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'Big Query' for 'chainline.export.mode': must be a lower-case mode name"
                        + " such as local, bigquery or mage");
    }

    @Test
    void anUnregisteredModeFailsAtStartAndListsTheRegisteredOnes() {
        Config config = TestConfigs.load("chainline.export.mode=snowflake");

        assertThatThrownBy(() -> Guice.createInjector(Stage.PRODUCTION, new CoreModule(config), new ExportModule()))
                .hasRootCauseInstanceOf(ConfigException.class)
                .rootCause()
                .hasMessageStartingWith("Invalid value 'snowflake' for 'chainline.export.mode': must be"
                        + " one of bigquery, local, mage");
    }

    @Test
    void theModuleAloneWiresItsSettingsAndExporters() {
        Injector injector =
                Guice.createInjector(Stage.PRODUCTION, new CoreModule(TestConfigs.load()), new ExportModule());

        assertThat(injector.getInstance(ExportSettings.class).mode()).isEqualTo("local");
        assertThat(injector.getInstance(ExportStageFactory.class).modes()).contains("bigquery", "local");
        assertThat(injector.getInstance(ExportStageFactory.class)
                        .create(ExportRequest.configured())
                        .mode())
                .isEqualTo("local");
    }

    @Test
    void anEmbeddingProjectAddsAModeByBindingAnExporter() {
        Config config = TestConfigs.load("chainline.export.mode=parquet-copy");
        Injector injector = Guice.createInjector(
                Stage.PRODUCTION,
                new CoreModule(config),
                new ExportModule(),
                binder -> Multibinder.newSetBinder(binder, WarehouseExporter.class)
                        .addBinding()
                        .toInstance(new CopyExporter()));

        ExportStageFactory factory = injector.getInstance(ExportStageFactory.class);

        assertThat(factory.modes()).contains("bigquery", "local", "parquet-copy");
        assertThat(factory.create(ExportRequest.configured()).mode()).isEqualTo("parquet-copy");
        assertThat(factory.create(ExportRequest.mode("bigquery")).mode()).isEqualTo("bigquery");
        assertThatThrownBy(() -> factory.create(ExportRequest.mode("snowflake")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "Unknown export mode 'snowflake': the registered exporters serve bigquery," + " local, ")
                .hasMessageEndingWith("parquet-copy");
    }

    @Test
    void theModuleRegistersTheMageExporterWithoutCreatingAClient() {
        Injector injector =
                Guice.createInjector(Stage.PRODUCTION, new CoreModule(TestConfigs.load()), new ExportModule());

        Set<WarehouseExporter> exporters = injector.getInstance(Key.get(new TypeLiteral<Set<WarehouseExporter>>() {}));

        assertThat(exporters).extracting(WarehouseExporter::mode).contains("mage");
        assertThat(injector.getInstance(MageSettings.class).url()).isEmpty();
    }

    @Test
    void everyReferenceKeyIsDocumented() {
        ReferenceConfAssertions.assertEveryKeyDocumented(ExportModule.class);
    }

    /** An embedding project's exporter. */
    private static final class CopyExporter implements WarehouseExporter {
        @Override
        public String mode() {
            return "parquet-copy";
        }

        @Override
        public ExportResult export(SilverManifest manifest, StageContext context) {
            throw new UnsupportedOperationException("not used");
        }
    }
}
