package io.chainline.core.manifest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chainline.core.error.DataQualityException;
import io.chainline.core.stage.CheckResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SilverManifestTest {

    private static SilverManifest sample() {
        ManifestTable fact = new ManifestTable(
                "fact_order",
                "file:/data/silver/fact_order/r1/",
                List.of("file:/data/silver/fact_order/r1/*/*.parquet"),
                180_519,
                List.of(
                        new ManifestColumn("order_item_id", "bigint", false),
                        new ManifestColumn("sales", "decimal(38,9)", true),
                        new ManifestColumn("order_month", "string", false)),
                List.of("order_month"));
        ManifestTable customer = new ManifestTable(
                "dim_customer",
                "file:/data/silver/dim_customer/r1/",
                List.of("file:/data/silver/dim_customer/r1/*.parquet"),
                20_652,
                List.of(new ManifestColumn("customer_id", "bigint", false)),
                List.of());
        return new SilverManifest(
                SilverManifest.FORMAT_VERSION,
                "r1",
                Instant.parse("2026-11-25T12:00:00Z"),
                List.of(fact, customer),
                List.of(CheckResult.passed("fact_order.unique-key", "180519 distinct keys")));
    }

    @Test
    void roundTripsThroughJson() {
        SilverManifest manifest = sample();

        byte[] json = manifest.toJson();
        SilverManifest back = SilverManifest.fromJson(json, "test");

        assertThat(back).isEqualTo(manifest);
        assertThat(new String(json, StandardCharsets.UTF_8))
                .contains("\"formatVersion\" : 1", "\"createdAt\" : \"2026-11-25T12:00:00Z\"", "\"rowCount\" : 180519");
        assertThat(back.table("fact_order").orElseThrow().partitionColumns()).containsExactly("order_month");
        assertThat(back.table("dim_missing")).isEmpty();
    }

    @Test
    void refusesAnUnknownFormatVersion() {
        String json = new String(sample().toJson(), StandardCharsets.UTF_8)
                .replace("\"formatVersion\" : 1", "\"formatVersion\" : 7");

        assertThatThrownBy(() ->
                        SilverManifest.fromJson(json.getBytes(StandardCharsets.UTF_8), "gs://b/silver/_manifest.json"))
                .isInstanceOf(DataQualityException.class)
                .hasMessage("The silver manifest gs://b/silver/_manifest.json has format version 7;"
                        + " this version of Chainline reads format 1");
    }

    @Test
    void refusesSomethingThatIsNotAManifest() {
        assertThatThrownBy(() -> SilverManifest.fromJson("[1,2]".getBytes(StandardCharsets.UTF_8), "x.json"))
                .isInstanceOf(DataQualityException.class)
                .hasMessageStartingWith("The silver manifest x.json is not valid:");
    }
}
