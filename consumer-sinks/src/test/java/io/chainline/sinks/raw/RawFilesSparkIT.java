package io.chainline.sinks.raw;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.LocalBlobStore;
import io.chainline.sinks.spi.RawRecord;

import static io.chainline.sinks.raw.RawTestRecords.START;
import static io.chainline.sinks.raw.RawTestRecords.TOPIC;
import static io.chainline.sinks.raw.RawTestRecords.TOPIC_ID;
import static io.chainline.sinks.raw.RawTestRecords.batch;
import static io.chainline.sinks.raw.RawTestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;

/** Spark reads the raw files as olap-transform does: {@code data['Customer Id']} and {@code metadata.offset}. */
class RawFilesSparkIT {

    @Test
    void sparkReadsTheRawFilesWithTheirDataMapAndMetadata(@TempDir Path dir) {
        List<RawRecord> written = new ArrayList<>(records(
                TOPIC_ID,
                0,
                0,
                300,
                offset -> START.plus(Duration.ofSeconds(30 * offset)).toEpochMilli()));
        written.addAll(records(1, 1000, 200));
        Path root = dir.resolve("store");
        try (BlobStore store = new LocalBlobStore(root);
                BlobRawSink sink = new BlobRawSink(
                        RawTestRecords.settings(120, Long.MAX_VALUE, Duration.ofDays(1)),
                        store,
                        dir.resolve("tmp"),
                        new MutableClock(START))) {
            sink.assigned(TOPIC, TOPIC_ID, List.of(0, 1));
            for (int from = 0; from < written.size(); from += 100) {
                sink.write(batch(written.subList(from, from + 100)));
            }
            sink.flush();
            assertThat(sink.stats().files()).isGreaterThan(3);
        }

        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("raw-files")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        try {
            List<Row> rows = spark.read()
                    .format("avro")
                    .load(root.resolve("raw_streaming").toUri().toString())
                    .selectExpr(
                            "metadata.partition AS partition",
                            "metadata.offset AS offset",
                            "data['Customer Id'] AS customer_id",
                            "metadata.topic_id AS topic_id",
                            "dt")
                    .orderBy("partition", "offset")
                    .collectAsList();

            assertThat(rows).hasSize(written.size());
            for (int i = 0; i < rows.size(); i++) {
                RawRecord expected = written.get(i);
                Row row = rows.get(i);
                assertThat(row.getInt(0)).isEqualTo(expected.coordinates().partition());
                assertThat(row.getLong(1)).isEqualTo(expected.coordinates().offset());
                assertThat(row.getString(2)).isEqualTo(expected.data().get(DataCoColumn.CUSTOMER_ID.header()));
                assertThat(row.getString(3)).isEqualTo(TOPIC_ID);
            }
            assertThat(rows.stream()
                            .map(row -> String.valueOf(row.get(4)))
                            .distinct()
                            .sorted()
                            .toList())
                    .containsExactly("20240301T10", "20240301T11", "20240301T12");
        } finally {
            spark.stop();
        }
    }
}
