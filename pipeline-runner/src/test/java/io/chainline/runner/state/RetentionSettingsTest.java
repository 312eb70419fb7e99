package io.chainline.runner.state;

import java.time.Duration;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code chainline.retention}: defaults, every key mapped, invalid values named. */
class RetentionSettingsTest {

    @Test
    void defaults() {
        RetentionSettings settings = RetentionSettings.from(TestConfigs.load());

        assertThat(settings.runs()).isEqualTo(new RetentionSettings.Retention(10, Duration.ofDays(7)));
        assertThat(settings.reports()).isEqualTo(new RetentionSettings.Retention(100, Duration.ofDays(30)));
    }

    @Test
    void everyKeyMapsToItsField() {
        Config config = TestConfigs.load(
                "chainline.retention.runs.keep=3",
                "chainline.retention.runs.max-age=2d",
                "chainline.retention.reports.keep=4",
                "chainline.retention.reports.max-age=12h");

        RetentionSettings settings = RetentionSettings.from(config);

        assertThat(settings.runs()).isEqualTo(new RetentionSettings.Retention(3, Duration.ofDays(2)));
        assertThat(settings.reports()).isEqualTo(new RetentionSettings.Retention(4, Duration.ofHours(12)));
    }

    @Test
    void invalidValuesAreReportedTogether() {
        Config config = TestConfigs.load("chainline.retention.runs.keep=0", "chainline.retention.reports.max-age=soon");

        assertThatThrownBy(() -> RetentionSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(2))
                .hasMessageContaining("Invalid value '0' for 'chainline.retention.runs.keep': must be >= 1")
                .hasMessageContaining("Invalid value 'soon' for 'chainline.retention.reports.max-age'");
    }
}
