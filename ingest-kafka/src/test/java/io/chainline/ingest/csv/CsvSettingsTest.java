package io.chainline.ingest.csv;

import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvSettingsTest {
    @Test
    void defaults() {
        assertThat(CsvSettings.from(TestConfigs.load())).isEqualTo(new CsvSettings(128 * 1024));
    }

    @Test
    void everyKeyMapsToItsField() {
        assertThat(CsvSettings.from(TestConfigs.load("chainline.ingest.csv.max-row-size=1MiB")))
                .isEqualTo(new CsvSettings(1024 * 1024));
    }

    @Test
    void aLimitOutsideItsRangeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> CsvSettings.from(TestConfigs.load("chainline.ingest.csv.max-row-size=1KiB")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Invalid value '1KiB' for 'chainline.ingest.csv.max-row-size': must be at least 4096 bytes");
        assertThatThrownBy(() -> CsvSettings.from(TestConfigs.load("chainline.ingest.csv.max-row-size=128MiB")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value '128MiB' for 'chainline.ingest.csv.max-row-size': must be at most 64MiB");
    }
}
