package io.chainline.export.bigquery;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BigQuerySettingsTest {

    @Test
    void defaults() {
        assertThat(BigQuerySettings.from(TestConfigs.load()))
                .isEqualTo(new BigQuerySettings(
                        Optional.empty(),
                        "chainline",
                        "US",
                        Optional.empty(),
                        List.of("order_customer_id", "product_card_id"),
                        Duration.ofMinutes(30),
                        Duration.ofSeconds(1),
                        BigQueryMethod.LOAD,
                        Optional.empty()));
    }

    @Test
    void everyKeyMapsToItsField() {
        BigQuerySettings settings = BigQuerySettings.from(TestConfigs.load(
                "chainline.export.bigquery.project=p1",
                "chainline.export.bigquery.dataset=supply_chain",
                "chainline.export.bigquery.location=EU",
                "chainline.export.bigquery.endpoint=http://127.0.0.1:9050",
                "chainline.export.bigquery.fact-order-clustering=[order_status]",
                "chainline.export.bigquery.job-timeout=5m",
                "chainline.export.bigquery.poll-interval=20ms",
                "chainline.export.bigquery.method=biglake-iceberg",
                "chainline.export.bigquery.connection=projects/p1/locations/eu/connections/lake"));

        assertThat(settings)
                .isEqualTo(new BigQuerySettings(
                        Optional.of("p1"),
                        "supply_chain",
                        "EU",
                        Optional.of(URI.create("http://127.0.0.1:9050")),
                        List.of("order_status"),
                        Duration.ofMinutes(5),
                        Duration.ofMillis(20),
                        BigQueryMethod.BIGLAKE_ICEBERG,
                        Optional.of("projects/p1/locations/eu/connections/lake")));
    }

    @Test
    void everyConnectionFormBigQueryAcceptsIsTaken() {
        for (String id : List.of(
                "projects/p1/locations/eu/connections/lake",
                "p1.eu.lake",
                "example.com:p1.us.lake",
                "europe-west1.lake")) {
            assertThat(BigQuerySettings.from(TestConfigs.load(
                                    "chainline.export.bigquery.method=biglake-iceberg",
                                    "chainline.export.bigquery.connection=" + id))
                            .connection())
                    .contains(id);
        }
    }

    @Test
    void theBigLakeMethodWithoutAConnectionIsRefusedNamingTheKey() {
        assertThatThrownBy(() ->
                        BigQuerySettings.from(TestConfigs.load("chainline.export.bigquery.method=biglake-iceberg")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing value for 'chainline.export.bigquery.connection': method biglake-iceberg registers"
                        + " the tables through a BigLake connection, given as"
                        + " projects/<project>/locations/<location>/connections/<id>, <project>.<location>.<id> or"
                        + " <location>.<id>");
    }

    @Test
    void anUnknownMethodAndAMalformedConnectionAreReportedTogether() {
        assertThatThrownBy(() -> BigQuerySettings.from(TestConfigs.load(
                        "chainline.export.bigquery.method=copy",
                        "chainline.export.bigquery.connection=projects/p1/connections/lake")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .containsExactly(
                                "Invalid value 'copy' for 'chainline.export.bigquery.method': must be one of load,"
                                        + " biglake-iceberg",
                                "Invalid value 'projects/p1/connections/lake' for"
                                        + " 'chainline.export.bigquery.connection': must be a BigLake connection id:"
                                        + " projects/<project>/locations/<location>/connections/<id>,"
                                        + " <project>.<location>.<id> or <location>.<id>"));
    }

    @Test
    void theLoadMethodNeedsNoConnection() {
        assertThat(BigQuerySettings.from(TestConfigs.load("chainline.export.bigquery.method=load"))
                        .method())
                .isEqualTo(BigQueryMethod.LOAD);
        assertThatThrownBy(() -> new BigQuerySettings(
                        Optional.empty(),
                        "chainline",
                        "US",
                        Optional.empty(),
                        List.of(),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(1),
                        BigQueryMethod.BIGLAKE_ICEBERG,
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidValuesAreReportedTogether() {
        assertThatThrownBy(() -> BigQuerySettings.from(TestConfigs.load(
                        "chainline.export.bigquery.dataset=my-data",
                        "chainline.export.bigquery.endpoint=ftp://host",
                        "chainline.export.bigquery.fact-order-clustering=[a, b, c, d, e]",
                        "chainline.export.bigquery.job-timeout=0s")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems())
                        .containsExactly(
                                "Invalid value 'my-data' for 'chainline.export.bigquery.dataset': must be letters, digits and"
                                        + " underscores (at most 1024)",
                                "Invalid value 'ftp://host' for 'chainline.export.bigquery.endpoint': must be an http:// or"
                                        + " https:// URI",
                                "Invalid value '[a, b, c, d, e]' for 'chainline.export.bigquery.fact-order-clustering': must"
                                        + " name at most 4 columns (a BigQuery limit)",
                                "Invalid value '0s' for 'chainline.export.bigquery.job-timeout': must be at least 1s"));
    }
}
