package io.chainline.olap.spark;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.typesafe.config.Config;
import org.junit.jupiter.api.Test;

import io.chainline.core.error.ConfigException;
import io.chainline.testkit.TestConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkSettingsTest {

    @Test
    void defaults() {
        SparkSettings settings = SparkSettings.from(TestConfigs.load());

        assertThat(settings)
                .isEqualTo(
                        new SparkSettings("local[*]", "chainline-olap", Map.of(), Optional.empty(), Optional.empty()));
        assertThat(settings.sessionConf())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "spark.hadoop.fs.gs.impl",
                        "com.google.cloud.hadoop.fs.gcs.GoogleHadoopFileSystem",
                        "spark.hadoop.fs.AbstractFileSystem.gs.impl",
                        "com.google.cloud.hadoop.fs.gcs.GoogleHadoopFS",
                        SparkSettings.SHUFFLE_PARTITIONS,
                        Integer.toString(Math.max(4, 2 * Runtime.getRuntime().availableProcessors())),
                        SparkSettings.EXTENSIONS,
                        SparkSettings.ICEBERG_EXTENSIONS));
    }

    @Test
    void icebergsExtensionsAreAddedToTheOnesTheConfigurationNames() {
        assertThat(SparkSettings.from(TestConfigs.load("chainline.spark.conf.spark.sql.extensions=com.example.Ext"))
                        .sessionConf())
                .containsEntry(SparkSettings.EXTENSIONS, "com.example.Ext," + SparkSettings.ICEBERG_EXTENSIONS);
        assertThat(SparkSettings.from(TestConfigs.load()).hostConf()).doesNotContainKey(SparkSettings.EXTENSIONS);
    }

    @Test
    void aLocalMasterGetsTwiceItsCoresAsShufflePartitionsUnlessConfSetsThem() {
        assertThat(SparkSettings.from(TestConfigs.load("chainline.spark.master=local[6]"))
                        .sessionConf())
                .containsEntry(SparkSettings.SHUFFLE_PARTITIONS, "12");
        assertThat(SparkSettings.from(TestConfigs.load("chainline.spark.master=local"))
                        .sessionConf())
                .containsEntry(SparkSettings.SHUFFLE_PARTITIONS, "4");
        assertThat(SparkSettings.from(TestConfigs.load(
                                "chainline.spark.master=local[2,3]",
                                "chainline.spark.conf.spark.sql.shuffle.partitions=7"))
                        .sessionConf())
                .containsEntry(SparkSettings.SHUFFLE_PARTITIONS, "7");
        assertThat(SparkSettings.from(TestConfigs.load("chainline.spark.master=spark://127.0.0.1:7077"))
                        .sessionConf())
                .doesNotContainKey(SparkSettings.SHUFFLE_PARTITIONS);
    }

    @Test
    void everyKeyMapsToItsField() {
        Config config = TestConfigs.load(
                "chainline.spark.master=spark://127.0.0.1:7077",
                "chainline.spark.app-name=nightly",
                "chainline.spark.conf.spark.sql.shuffle.partitions=8",
                "chainline.store.gcs.project=supply-chain",
                "chainline.store.gcs.credentials-file=/keys/sa.json");

        assertThat(SparkSettings.from(config))
                .isEqualTo(new SparkSettings(
                        "spark://127.0.0.1:7077",
                        "nightly",
                        Map.of("spark.sql.shuffle.partitions", "8"),
                        Optional.of("supply-chain"),
                        Optional.of(Path.of("/keys/sa.json"))));
    }

    @Test
    void nestedAndQuotedConfKeysAreTheSameDottedKey() {
        Config nested = TestConfigs.load("chainline.spark.conf.spark.executor.memory=2g");
        Config quoted = TestConfigs.load("chainline.spark.conf.\"spark.executor.memory\"=2g");

        assertThat(SparkSettings.from(nested).conf()).containsExactly(Map.entry("spark.executor.memory", "2g"));
        assertThat(SparkSettings.from(quoted).conf()).containsExactly(Map.entry("spark.executor.memory", "2g"));
    }

    @Test
    void aKeyFileTurnsOnServiceAccountAuthAndConfWinsOverDerivedKeys() {
        Config config = TestConfigs.load(
                "chainline.store.gcs.project=supply-chain",
                "chainline.store.gcs.credentials-file=/keys/sa.json",
                "chainline.spark.conf.spark.hadoop.fs.gs.project.id=other-project");

        Map<String, String> conf = SparkSettings.from(config).sessionConf();

        assertThat(conf)
                .containsEntry("spark.hadoop.fs.gs.auth.service.account.enable", "true")
                .containsEntry("spark.hadoop.fs.gs.auth.service.account.json.keyfile", "/keys/sa.json")
                .containsEntry("spark.hadoop.fs.gs.project.id", "other-project");
    }

    @Test
    void aHostsSessionIsAskedOnlyForWhatIsConfiguredNotForTheDefaultsOfChainlinesOwnSessions() {
        assertThat(SparkSettings.from(TestConfigs.load()).hostConf()).isEmpty();
        Config config = TestConfigs.load(
                "chainline.spark.master=local[4]",
                "chainline.store.gcs.project=supply-chain",
                "chainline.spark.conf.spark.sql.shuffle.partitions=7");

        assertThat(SparkSettings.from(config).hostConf())
                .containsExactly(
                        Map.entry("spark.hadoop.fs.gs.project.id", "supply-chain"),
                        Map.entry(SparkSettings.SHUFFLE_PARTITIONS, "7"));
    }

    @Test
    void everyProblemIsReportedWithKeyValueAndExpectation() {
        Config config = TestConfigs.load(
                "chainline.spark.master=local[two]",
                "chainline.spark.conf.fs.gs.project.id=p",
                "chainline.spark.conf.spark.master=local[1]",
                "chainline.spark.conf.spark.jars.packages=[a, b]");

        assertThatThrownBy(() -> SparkSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Invalid value 'local[two]' for 'chainline.spark.master': must be local, "
                        + "local[N], local[*], spark://host:port, yarn or k8s://...")
                .hasMessageContaining("Invalid value 'p' for 'chainline.spark.conf.fs.gs.project.id': only spark.* "
                        + "settings belong here (Hadoop keys as spark.hadoop.*)")
                .hasMessageContaining("Invalid value 'local[1]' for 'chainline.spark.conf.spark.master': set "
                        + "chainline.spark.master instead")
                .hasMessageContaining("Invalid value '[a, b]' for 'chainline.spark.conf.spark.jars.packages': must be "
                        + "a plain value (string, number or boolean)");
    }

    @Test
    void withMasterKeepsEverythingElse() {
        SparkSettings settings = SparkSettings.from(TestConfigs.load("chainline.spark.app-name=nightly"));

        assertThat(settings.withMaster("spark://127.0.0.1:7077"))
                .isEqualTo(new SparkSettings(
                        "spark://127.0.0.1:7077", "nightly", Map.of(), Optional.empty(), Optional.empty()));
    }
}
