package io.chainline.olap;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;

/**
 * {@code chainline.silver}: how many published versions the star-schema job keeps. The Spark settings are
 * {@link io.chainline.olap.spark.SparkSettings}.
 *
 * @param keepVersions how many silver versions to keep, at least 1
 */
public record OlapSettings(int keepVersions) {

    /** Reads and validates {@code chainline.silver}. */
    public static OlapSettings from(Config config) {
        SettingsReader silver = SettingsReader.of(config, "chainline.silver");
        int keep = silver.intAtLeast("keep-versions", 1);
        silver.throwIfInvalid();
        return new OlapSettings(keep);
    }
}
