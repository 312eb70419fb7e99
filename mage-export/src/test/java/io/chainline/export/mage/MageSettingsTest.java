package io.chainline.export.mage;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.chainline.core.config.Secret;
import io.chainline.core.error.ConfigException;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MageSettingsTest {

    @Test
    void defaults() {
        assertThat(MageSettings.from(TestConfigs.load()))
                .isEqualTo(new MageSettings(
                        Optional.empty(),
                        Secret.empty(),
                        "",
                        Secret.empty(),
                        Optional.empty(),
                        "chainline_export",
                        "chainline_export_api",
                        new MageSettings.BigQueryTarget("", "chainline", "US"),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(30),
                        Duration.ofHours(2),
                        Duration.ofSeconds(30),
                        3,
                        Duration.ofSeconds(1)));
    }

    @Test
    void everyKeyMapsToItsField() {
        MageSettings settings = MageSettings.from(TestConfigs.load(
                "chainline.mage.url=http://mage:6789/base",
                "chainline.mage.api-key=k1",
                "chainline.mage.user=ops@example.com",
                "chainline.mage.password=p1",
                "chainline.mage.project-dir=/srv/mage",
                "chainline.mage.pipeline=exp",
                "chainline.mage.trigger-name=t",
                "chainline.mage.bigquery.project=proj",
                "chainline.mage.bigquery.dataset=ds",
                "chainline.mage.bigquery.location=EU",
                "chainline.mage.poll-interval=1s",
                "chainline.mage.max-poll-interval=5s",
                "chainline.mage.run-timeout=10m",
                "chainline.mage.request-timeout=7s",
                "chainline.mage.connect-retries=0",
                "chainline.mage.retry-backoff=250ms"));

        assertThat(settings)
                .isEqualTo(new MageSettings(
                        Optional.of(URI.create("http://mage:6789/base")),
                        Secret.of("k1"),
                        "ops@example.com",
                        Secret.of("p1"),
                        Optional.of(Path.of("/srv/mage")),
                        "exp",
                        "t",
                        new MageSettings.BigQueryTarget("proj", "ds", "EU"),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(10),
                        Duration.ofSeconds(7),
                        0,
                        Duration.ofMillis(250)));
        assertThat(settings.usesSession()).isTrue();
        assertThat(settings.toString()).doesNotContain("k1", "p1");
        assertThat(settings.bigQuery().tableId("fact_order")).isEqualTo("proj.ds.fact_order");
    }

    @Test
    void invalidValuesAreReportedTogether() {
        assertThatThrownBy(() -> MageSettings.from(TestConfigs.load(
                        "chainline.mage.url=ftp://ops:hunter2@mage",
                        "chainline.mage.pipeline=My-Pipeline",
                        "chainline.mage.poll-interval=10s",
                        "chainline.mage.max-poll-interval=5s",
                        "chainline.mage.connect-retries=-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("4 configuration problems:")
                .hasMessageContaining("Invalid value 'ftp://ops:***@mage' for 'chainline.mage.url': must be an http://"
                        + " or https:// URL, e.g. http://127.0.0.1:6789")
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("Invalid value 'My-Pipeline' for 'chainline.mage.pipeline': must be a Mage uuid:"
                        + " lower-case letters, digits and _")
                .hasMessageContaining("Invalid value '5s' for 'chainline.mage.max-poll-interval': must be at least"
                        + " 'chainline.mage.poll-interval'")
                .hasMessageContaining(
                        "Invalid value '-1' for 'chainline.mage.connect-retries': must be between 0 and 100");
    }

    @Test
    void withoutAUrlCommandsThatNeedMageNameTheKey() {
        MageSettings settings = MageSettings.from(TestConfigs.load());

        assertThat(settings.url()).isEmpty();
        assertThatThrownBy(settings::requireUrl)
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing value for 'chainline.mage.url': the Mage server's URL (e.g. http://127.0.0.1:6789)"
                        + " must be set to use Mage; without it use export mode 'bigquery'");
    }
}
