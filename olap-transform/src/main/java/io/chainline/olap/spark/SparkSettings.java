package io.chainline.olap.spark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.typesafe.config.Config;

import io.chainline.core.config.SettingsReader;

import static java.util.Objects.requireNonNull;

/**
 * {@code chainline.spark}: where the Spark session runs and with which settings, plus the gs:// access taken from
 * {@code chainline.store.gcs} (project and service-account key file).
 *
 * @param master the Spark master URL, e.g. {@code local[*]} or {@code spark://host:7077}
 * @param appName the Spark application name
 * @param conf extra {@code spark.*} settings given verbatim to the session; they win over the derived ones
 * @param gcsProject the Google Cloud project for gs:// requests; empty for the credentials' own
 * @param credentialsFile a service-account JSON key file for gs://; empty for the environment's credentials
 */
public record SparkSettings(
        String master,
        String appName,
        Map<String, String> conf,
        Optional<String> gcsProject,
        Optional<Path> credentialsFile) {

    /** The Hadoop FileSystem class of the gcs-connector that serves {@code gs://} paths. */
    public static final String GCS_FILE_SYSTEM = "com.google.cloud.hadoop.fs.gcs.GoogleHadoopFileSystem";
    /** The Hadoop AbstractFileSystem class of the gcs-connector, used through FileContext. */
    public static final String GCS_ABSTRACT_FILE_SYSTEM = "com.google.cloud.hadoop.fs.gcs.GoogleHadoopFS";
    /** Spark's SQL extensions setting; Iceberg's are added to what {@code conf} sets. */
    public static final String EXTENSIONS = "spark.sql.extensions";
    /** Iceberg's SQL extensions: MERGE INTO, branch and tag DDL, table procedures. */
    public static final String ICEBERG_EXTENSIONS = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";
    /** Spark's shuffle partitions; set for local masters unless {@code conf} sets it (see {@link #sessionConf()}). */
    public static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    private static final Pattern MASTER =
            Pattern.compile("local(\\[(\\*|\\d+)(,\\d+)?])?|(spark|yarn|k8s|mesos)(://.*)?");
    private static final Map<String, String> OWN_KEYS =
            Map.of("spark.master", "chainline.spark.master", "spark.app.name", "chainline.spark.app-name");

    public SparkSettings {
        requireNonNull(master, "master is null");
        requireNonNull(appName, "appName is null");
        conf = Map.copyOf(requireNonNull(conf, "conf is null"));
        requireNonNull(gcsProject, "gcsProject is null");
        requireNonNull(credentialsFile, "credentialsFile is null");
    }

    /** Reads and validates {@code chainline.spark} and the gs:// keys of {@code chainline.store.gcs}. */
    public static SparkSettings from(Config config) {
        requireNonNull(config, "config is null");
        SettingsReader spark = SettingsReader.of(config, "chainline.spark");
        SettingsReader gcs = SettingsReader.of(config, "chainline.store.gcs");
        String master = spark.nonEmptyString("master").trim();
        if (!master.isEmpty() && !MASTER.matcher(master).matches()) {
            spark.problem("master", master, "must be local, local[N], local[*], spark://host:port, yarn or k8s://...");
        }
        String appName = spark.nonEmptyString("app-name").trim();
        Map<String, String> conf = SparkConfEntries.read(config, spark, "conf");
        conf.forEach((key, value) -> {
            if (!key.startsWith("spark.")) {
                spark.problem(
                        "conf." + key, value, "only spark.* settings belong here (Hadoop keys as spark.hadoop.*)");
            } else if (OWN_KEYS.containsKey(key)) {
                spark.problem("conf." + key, value, "set " + OWN_KEYS.get(key) + " instead");
            }
        });
        Optional<String> project =
                gcs.optionalString("project").map(String::trim).filter(p -> !p.isEmpty());
        Optional<Path> credentials = gcs.optionalPath("credentials-file");
        SettingsReader.buildAll(List.of(
                () -> {
                    spark.throwIfInvalid();
                    return spark;
                },
                () -> {
                    gcs.throwIfInvalid();
                    return gcs;
                }));
        return new SparkSettings(master, appName, conf, project, credentials);
    }

    /**
     * Every setting the session is built with besides master and app name: the gs:// Hadoop keys of the
     * gcs-connector (FileSystem classes, project, key-file auth when a key file is set), then {@link #conf()},
     * which overrides them, and Iceberg's SQL extensions added to any the configuration names.
     */
    public Map<String, String> sessionConf() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("spark.hadoop.fs.gs.impl", GCS_FILE_SYSTEM);
        all.put("spark.hadoop.fs.AbstractFileSystem.gs.impl", GCS_ABSTRACT_FILE_SYSTEM);
        localCores().ifPresent(cores -> all.put(SHUFFLE_PARTITIONS, Integer.toString(Math.max(4, 2 * cores))));
        putGcsAccess(all);
        all.putAll(conf);
        String extensions = conf.getOrDefault(EXTENSIONS, "");
        if (!List.of(extensions.split(",")).contains(ICEBERG_EXTENSIONS)) {
            all.put(EXTENSIONS, extensions.isBlank() ? ICEBERG_EXTENSIONS : extensions + "," + ICEBERG_EXTENSIONS);
        }
        return all;
    }

    /**
     * The settings asked of a session that Chainline did not build (the host application's): the gs:// project and
     * key-file keys when {@code chainline.store.gcs} sets them, then {@link #conf()}. The master, the app name and the
     * defaults Chainline derives for a session of its own (the gcs-connector's FileSystem classes, the shuffle
     * partitions of a local master) are the host's business.
     */
    public Map<String, String> hostConf() {
        Map<String, String> all = new LinkedHashMap<>();
        putGcsAccess(all);
        all.putAll(conf);
        return all;
    }

    private void putGcsAccess(Map<String, String> all) {
        gcsProject.ifPresent(project -> all.put("spark.hadoop.fs.gs.project.id", project));
        credentialsFile.ifPresent(file -> {
            all.put("spark.hadoop.fs.gs.auth.service.account.enable", "true");
            all.put(
                    "spark.hadoop.fs.gs.auth.service.account.json.keyfile",
                    file.toAbsolutePath().toString());
        });
    }

    /** These settings with another master, e.g. the local cluster that {@code chainline start-spark} runs. */
    public SparkSettings withMaster(String otherMaster) {
        return new SparkSettings(otherMaster, appName, conf, gcsProject, credentialsFile);
    }

    /**
     * The cores of a {@code local} master ({@code local}: 1, {@code local[N]}: N, {@code local[*]}: this machine's).
     * Spark's default of 200 shuffle partitions suits a cluster; in one JVM it turns every shuffle into 200 tiny
     * tasks and every partitioned write into 200 files per partition value.
     */
    private Optional<Integer> localCores() {
        if (master.equals("local")) {
            return Optional.of(1);
        }
        if (!master.startsWith("local[")) {
            return Optional.empty();
        }
        String threads =
                master.substring("local[".length(), master.indexOf(']')).split(",")[0];
        return Optional.of(
                threads.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads));
    }
}
