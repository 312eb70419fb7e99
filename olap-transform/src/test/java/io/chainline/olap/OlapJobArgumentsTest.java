package io.chainline.olap;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OlapJobArgumentsTest {

    @Test
    void everyOptionMapsToItsField() {
        OlapJobArguments arguments = OlapJobArguments.parse(
                "--raw",
                "gs://bucket/raw",
                "--silver",
                "file:/data/silver",
                "--config",
                "job.conf",
                "--set",
                "chainline.silver.retention.keep-builds=2",
                "--set",
                "chainline.spark.app-name=x");

        assertThat(arguments)
                .isEqualTo(new OlapJobArguments(
                        Optional.of(URI.create("gs://bucket/raw")),
                        Optional.of(URI.create("file:/data/silver")),
                        Optional.of(Path.of("job.conf")),
                        List.of("chainline.silver.retention.keep-builds=2", "chainline.spark.app-name=x")));
        assertThat(OlapJobArguments.parse().raw()).isEmpty();
    }

    @Test
    void mistakesNameTheArgumentAndTheExpectation() {
        assertThatThrownBy(() -> OlapJobArguments.parse("--raw", "/data/raw"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value '/data/raw' for '--raw': must be a URI with a scheme, e.g."
                        + " gs://bucket/prefix or file:///data");
        assertThatThrownBy(() -> OlapJobArguments.parse("--master", "local"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid argument '--master': expected --raw URI, --silver URI, --config FILE"
                        + " or --set key=value");
        assertThatThrownBy(() -> OlapJobArguments.parse("--silver"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Missing value for '--silver'");
    }

    @Test
    void aConfigurationErrorExitsWith2BeforeSparkStarts() {
        assertThat(OlapJob.run("--set", "chainline.spark.master=local[two]")).isEqualTo(2);
        assertThat(OlapJob.run("--raw")).isEqualTo(2);
    }

    @Test
    void storeRootsBecomeAbsoluteUris() {
        assertThat(StoreRootUri.of("gs://bucket/prefix")).isEqualTo(URI.create("gs://bucket/prefix"));
        assertThat(StoreRootUri.of("file:/data/store"))
                .isEqualTo(Path.of("/data/store").toUri());
        assertThat(StoreRootUri.of("store"))
                .isEqualTo(Path.of("store").toAbsolutePath().toUri());
    }
}
