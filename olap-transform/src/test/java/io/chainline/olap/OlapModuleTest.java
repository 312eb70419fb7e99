package io.chainline.olap;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.CoreModule;
import io.chainline.embedded.testing.ReferenceConfAssertions;
import io.chainline.embedded.testing.TestConfigs;
import io.chainline.olap.spark.SparkSessionFactory;
import io.chainline.olap.spark.SparkSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OlapModuleTest {

    @Test
    void defaults() {
        assertThat(OlapSettings.from(TestConfigs.load())).isEqualTo(new OlapSettings(3));
    }

    @Test
    void everyKeyMapsToItsField() {
        Config config = TestConfigs.load("chainline.silver.keep-versions=5");

        assertThat(OlapSettings.from(config)).isEqualTo(new OlapSettings(5));
    }

    @Test
    void invalidKeepVersionsIsReported() {
        Config config = TestConfigs.load("chainline.silver.keep-versions=0");

        assertThatThrownBy(() -> OlapSettings.from(config)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value '0' for 'chainline.silver.keep-versions': must be >= 1");
    }

    @Test
    void theModuleAloneWiresItsSettings() {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new CoreModule(TestConfigs.load()),
                new OlapModule());

        assertThat(injector.getInstance(OlapSettings.class).keepVersions()).isEqualTo(3);
        assertThat(injector.getInstance(SparkSettings.class).master()).isEqualTo("local[*]");
        assertThat(injector.getInstance(SparkSessionFactory.class).isStarted())
                .as("a production injector does not start Spark").isFalse();
    }

    @Test
    void everyReferenceKeyIsDocumented() {
        ReferenceConfAssertions.assertEveryKeyDocumented(OlapModule.class);
    }
}
