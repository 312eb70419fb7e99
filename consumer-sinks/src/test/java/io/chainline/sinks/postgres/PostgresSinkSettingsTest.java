package io.chainline.sinks.postgres;

import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresSinkSettingsTest {

    @Test
    void defaults() {
        PostgresSinkSettings settings = PostgresSinkSettings.from(TestConfigs.load());

        assertThat(settings).isEqualTo(new PostgresSinkSettings("raw", "supply_chain_data"));
        assertThat(settings.quotedName()).isEqualTo("\"raw\".\"supply_chain_data\"");
        assertThat(settings.displayName()).isEqualTo("raw.supply_chain_data");
    }

    @Test
    void everyKeyMapsToItsField() {
        PostgresSinkSettings settings = PostgresSinkSettings.from(
                TestConfigs.load("chainline.sinks.postgres.schema=bronze_2", "chainline.sinks.postgres.table=_orders"));

        assertThat(settings).isEqualTo(new PostgresSinkSettings("bronze_2", "_orders"));
    }

    @Test
    void identifiersOfAnotherFormAreAllReported() {
        assertThatThrownBy(() -> PostgresSinkSettings.from(TestConfigs.load(
                        "chainline.sinks.postgres.schema=Raw-Data", "chainline.sinks.postgres.table=1st")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 'Raw-Data' for 'chainline.sinks.postgres.schema': must be a"
                        + " lower-case PostgreSQL identifier: a letter or _ then up to 62 letters, digits or _")
                .hasMessageContaining("Invalid value '1st' for 'chainline.sinks.postgres.table': must be a"
                        + " lower-case PostgreSQL identifier");
    }

    @Test
    void emptyOverlongAndQuotedNamesAreRejected() {
        String longName = "t".repeat(64);

        assertThatThrownBy(() -> PostgresSinkSettings.from(TestConfigs.load(
                        "chainline.sinks.postgres.schema=", "chainline.sinks.postgres.table=" + longName)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value '' for 'chainline.sinks.postgres.schema'")
                .hasMessageContaining("Invalid value '" + longName + "' for 'chainline.sinks.postgres.table'");
        assertThatThrownBy(() -> PostgresSinkSettings.from(TestConfigs.load("chainline.sinks.postgres.table=a\"b")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 'a\"b' for 'chainline.sinks.postgres.table'");
        assertThat(new PostgresSinkSettings("s", "t".repeat(63)).table()).hasSize(63);
    }

    @Test
    void systemSchemaNamesAreRejected() {
        assertThatThrownBy(
                        () -> PostgresSinkSettings.from(TestConfigs.load("chainline.sinks.postgres.schema=pg_bronze")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 'pg_bronze' for 'chainline.sinks.postgres.schema': must not start with"
                        + " 'pg_' (reserved for PostgreSQL's own schemas)");
    }

    @Test
    void theConstructorRejectsWhatConfigurationWould() {
        assertThatThrownBy(() -> new PostgresSinkSettings("raw", "orders; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Table 'orders; DROP TABLE x' must be a lower-case PostgreSQL identifier: a letter or _"
                        + " then up to 62 letters, digits or _");
        assertThatThrownBy(() -> new PostgresSinkSettings("pg_catalog", "t"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Schema 'pg_catalog' must not start with 'pg_'");
    }
}
