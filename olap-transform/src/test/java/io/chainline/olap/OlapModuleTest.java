package io.chainline.olap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.CoreModule;
import io.chainline.embedded.testing.ReferenceConfAssertions;
import io.chainline.embedded.testing.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OlapModuleTest {

    @Test
    void defaults() {
        assertThat(OlapSettings.from(TestConfigs.load())).isEqualTo(new OlapSettings("local[*]", "chainline-olap", 3));
    }

    @Test
    void everyKeyMapsToItsField() {
        Config config = TestConfigs.load("chainline.spark.master=spark://127.0.0.1:7077",
                "chainline.spark.app-name=nightly", "chainline.silver.keep-versions=5");

        assertThat(OlapSettings.from(config)).isEqualTo(new OlapSettings("spark://127.0.0.1:7077", "nightly", 5));
    }

    @Test
    void invalidValuesOfBothSubtreesAreReportedTogether() {
        Config config = TestConfigs.load("chainline.spark.master=local[two]", "chainline.silver.keep-versions=0");

        assertThatThrownBy(() -> OlapSettings.from(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 'local[two]' for 'chainline.spark.master'")
                .hasMessageContaining("Invalid value '0' for 'chainline.silver.keep-versions': must be >= 1");
    }

    @Test
    void theModuleAloneWiresItsSettings() {
        Injector injector = Guice.createInjector(new CoreModule(TestConfigs.load()), new OlapModule());

        assertThat(injector.getInstance(OlapSettings.class).keepVersions()).isEqualTo(3);
    }

    @Test
    void everyReferenceKeyIsDocumented() {
        ReferenceConfAssertions.assertEveryKeyDocumented(OlapModule.class);
    }
}
