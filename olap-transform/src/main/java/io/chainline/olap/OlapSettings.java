package io.chainline.olap;

import java.util.List;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.spark} and {@code chainline.silver}: where the star-schema job runs and how many versions it keeps.
 *
 * @param sparkMaster the Spark master URL, e.g. {@code local[*]} or {@code spark://host:7077}
 * @param appName the Spark application name
 * @param keepVersions how many silver versions to keep, at least 1
 */
public record OlapSettings(String sparkMaster, String appName, int keepVersions) {

    public OlapSettings {
        requireNonNull(sparkMaster, "sparkMaster is null");
        requireNonNull(appName, "appName is null");
    }

    /** Reads and validates {@code chainline.spark} and {@code chainline.silver}. */
    public static OlapSettings from(Config config) {
        SettingsReader spark = SettingsReader.of(config, "chainline.spark");
        SettingsReader silver = SettingsReader.of(config, "chainline.silver");
        String master = spark.nonEmptyString("master").trim();
        if (!master.isEmpty() && !master.matches("local(\\[(\\*|\\d+)(,\\d+)?])?|(spark|yarn|k8s|mesos)(://.*)?")) {
            spark.problem("master", master, "must be local, local[N], local[*], spark://host:port, yarn or k8s://...");
        }
        String appName = spark.nonEmptyString("app-name");
        int keep = silver.intAtLeast("keep-versions", 1);
        SettingsReader.buildAll(List.of(() -> {
            spark.throwIfInvalid();
            return spark;
        }, () -> {
            silver.throwIfInvalid();
            return silver;
        }));
        return new OlapSettings(master, appName, keep);
    }
}
