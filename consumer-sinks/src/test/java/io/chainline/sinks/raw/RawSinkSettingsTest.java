package io.chainline.sinks.raw;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawSinkSettingsTest {

    @Test
    void defaults() {
        assertThat(RawSinkSettings.from(TestConfigs.load()))
                .isEqualTo(new RawSinkSettings(
                        "raw_streaming",
                        RawSinkSettings.Format.AVRO,
                        RawSinkSettings.Codec.ZSTANDARD,
                        RawSinkSettings.PartitionBy.KAFKA_TIME,
                        100_000,
                        128L * 1024 * 1024,
                        Duration.ofMinutes(5)));
    }

    @Test
    void everyKeyMapsToItsField() {
        RawSinkSettings settings = RawSinkSettings.from(TestConfigs.load(
                "chainline.sinks.raw.prefix=lake/raw",
                "chainline.sinks.raw.format=json-lines",
                "chainline.sinks.raw.codec=snappy",
                "chainline.sinks.raw.partition-by=event-time",
                "chainline.sinks.raw.rotate-records=10",
                "chainline.sinks.raw.rotate-bytes=1MiB",
                "chainline.sinks.raw.rotate-age=30s"));

        assertThat(settings)
                .isEqualTo(new RawSinkSettings(
                        "lake/raw",
                        RawSinkSettings.Format.JSON_LINES,
                        RawSinkSettings.Codec.SNAPPY,
                        RawSinkSettings.PartitionBy.EVENT_TIME,
                        10,
                        1024L * 1024,
                        Duration.ofSeconds(30)));
    }

    @Test
    void theOtherCodecsAreAccepted() {
        assertThat(RawSinkSettings.from(TestConfigs.load("chainline.sinks.raw.codec=deflate"))
                        .codec())
                .isEqualTo(RawSinkSettings.Codec.DEFLATE);
        assertThat(RawSinkSettings.from(TestConfigs.load("chainline.sinks.raw.codec=null"))
                        .codec())
                .isEqualTo(RawSinkSettings.Codec.NULL);
    }

    @Test
    void everyInvalidValueIsReportedAtOnce() {
        assertThatThrownBy(() -> RawSinkSettings.from(TestConfigs.load(
                        "chainline.sinks.raw.prefix=/abs/raw",
                        "chainline.sinks.raw.format=parquet",
                        "chainline.sinks.raw.codec=lz4",
                        "chainline.sinks.raw.partition-by=ingest-time",
                        "chainline.sinks.raw.rotate-records=0",
                        "chainline.sinks.raw.rotate-bytes=12",
                        "chainline.sinks.raw.rotate-age=10ms")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value '/abs/raw' for 'chainline.sinks.raw.prefix': must be a relative"
                        + " object name such as raw_streaming")
                .hasMessageContaining("Invalid value 'parquet' for 'chainline.sinks.raw.format': must be one of avro,"
                        + " json-lines")
                .hasMessageContaining("Invalid value 'lz4' for 'chainline.sinks.raw.codec': must be one of zstandard,"
                        + " snappy, deflate, null")
                .hasMessageContaining("Invalid value 'ingest-time' for 'chainline.sinks.raw.partition-by': must be"
                        + " one of kafka-time, event-time")
                .hasMessageContaining("Invalid value '0' for 'chainline.sinks.raw.rotate-records': must be >= 1")
                .hasMessageContaining(
                        "Invalid value '12' for 'chainline.sinks.raw.rotate-bytes': must be at least" + " 1024 bytes")
                .hasMessageContaining("Invalid value '10ms' for 'chainline.sinks.raw.rotate-age': must be at least 1s");
    }

    @Test
    void aPrefixWithATrailingSlashOrDotSegmentsIsRefused() {
        for (String prefix : new String[] {"raw/", "raw/../silver", "raw//x"}) {
            assertThatThrownBy(() -> RawSinkSettings.from(TestConfigs.load("chainline.sinks.raw.prefix=" + prefix)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("Invalid value '" + prefix + "' for 'chainline.sinks.raw.prefix'");
        }
        assertThatThrownBy(() -> RawSinkSettings.from(TestConfigs.load("chainline.sinks.raw.prefix=")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value '' for 'chainline.sinks.raw.prefix': must not be empty");
    }
}
