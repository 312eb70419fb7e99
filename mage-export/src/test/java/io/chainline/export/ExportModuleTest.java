package io.chainline.export;

import java.nio.file.Path;
import java.util.Set;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.CoreModule;
import io.chainline.embedded.testing.ReferenceConfAssertions;
import io.chainline.embedded.testing.TestConfigs;
import io.chainline.export.mage.MageSettings;
import io.chainline.export.spi.WarehouseExporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportModuleTest {

    @Test
    void defaults() {
        assertThat(ExportSettings.from(TestConfigs.load()))
                .isEqualTo(new ExportSettings(ExportMode.LOCAL, Path.of("./chainline-data/warehouse.duckdb")));
    }

    @Test
    void everyKeyMapsToItsField() {
        Config config = TestConfigs.load("chainline.export.mode=bigquery", "chainline.export.duckdb-path=/w/x.duckdb");

        assertThat(ExportSettings.from(config)).isEqualTo(new ExportSettings(ExportMode.BIGQUERY, Path.of("/w/x.duckdb")));
    }

    @Test
    void anUnknownModeListsTheKnownOnes() {
        assertThatThrownBy(() -> ExportSettings.from(TestConfigs.load("chainline.export.mode=snowflake")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'snowflake' for 'chainline.export.mode': must be one of local, bigquery, mage");
    }

    @Test
    void theModuleAloneWiresItsSettings() {
        Injector injector = Guice.createInjector(new CoreModule(TestConfigs.load()), new ExportModule());

        assertThat(injector.getInstance(ExportSettings.class).mode()).isEqualTo(ExportMode.LOCAL);
    }

    @Test
    void theModuleRegistersTheMageExporterWithoutCreatingAClient() {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new CoreModule(TestConfigs.load()),
                new ExportModule());

        Set<WarehouseExporter> exporters = injector.getInstance(Key.get(new TypeLiteral<Set<WarehouseExporter>>() { }));

        assertThat(exporters).extracting(WarehouseExporter::mode).contains("mage");
        assertThat(injector.getInstance(MageSettings.class).url()).isEmpty();
    }

    @Test
    void everyReferenceKeyIsDocumented() {
        ReferenceConfAssertions.assertEveryKeyDocumented(ExportModule.class);
    }
}
