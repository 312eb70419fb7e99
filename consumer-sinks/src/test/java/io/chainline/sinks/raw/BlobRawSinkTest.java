package io.chainline.sinks.raw;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.raw.KafkaCoordinates;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.LocalBlobStore;
import io.chainline.sinks.spi.RawBatch;
import io.chainline.sinks.spi.RawRecord;
import io.chainline.sinks.spi.SinkStats;

import static io.chainline.sinks.raw.RawTestRecords.START;
import static io.chainline.sinks.raw.RawTestRecords.TOPIC;
import static io.chainline.sinks.raw.RawTestRecords.TOPIC_ID;
import static io.chainline.sinks.raw.RawTestRecords.batch;
import static io.chainline.sinks.raw.RawTestRecords.data;
import static io.chainline.sinks.raw.RawTestRecords.flushOnly;
import static io.chainline.sinks.raw.RawTestRecords.metadata;
import static io.chainline.sinks.raw.RawTestRecords.names;
import static io.chainline.sinks.raw.RawTestRecords.readAvro;
import static io.chainline.sinks.raw.RawTestRecords.records;
import static io.chainline.sinks.raw.RawTestRecords.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlobRawSinkTest {
    private static final String FILE_PREFIX = TOPIC + "+" + TOPIC_ID + "+";

    @TempDir
    Path dir;

    private BlobStore store;
    private final MutableClock clock = new MutableClock(START);
    private final List<BlobRawSink> sinks = new ArrayList<>();

    @BeforeEach
    void openStore() {
        store = new LocalBlobStore(dir.resolve("store"));
    }

    @AfterEach
    void closeAll() {
        sinks.forEach(BlobRawSink::close);
        store.close();
    }

    @Test
    void filesAreNamedByTopicIdPartitionAndOffsetsInTheFolderOfTheirKafkaHour() {
        BlobRawSink sink = sink(flushOnly());
        sink.assigned(TOPIC, TOPIC_ID, List.of(0, 1));
        List<RawRecord> quarterHours = new ArrayList<>(records(
                TOPIC_ID,
                0,
                0,
                10,
                offset -> START.plus(Duration.ofMinutes(15 * offset)).toEpochMilli()));
        quarterHours.addAll(records(TOPIC_ID, 1, 500, 2, offset -> START.toEpochMilli()));

        sink.write(batch(quarterHours));
        sink.flush();

        assertThat(names(store))
                .containsExactly(
                        "raw_streaming/dt=20240301T10/" + FILE_PREFIX + "0+0-3.avro",
                        "raw_streaming/dt=20240301T10/" + FILE_PREFIX + "1+500-501.avro",
                        "raw_streaming/dt=20240301T11/" + FILE_PREFIX + "0+4-7.avro",
                        "raw_streaming/dt=20240301T12/" + FILE_PREFIX + "0+8-9.avro");
        assertThat(sink.stats())
                .isEqualTo(new SinkStats(12, 0, 4, totalBytes(), sink.stats().busyNanos()));
    }

    @Test
    void theFilesHoldExactlyTheRecords() {
        BlobRawSink sink = sink(flushOnly());
        sink.assigned(TOPIC, TOPIC_ID, List.of(3));
        List<RawRecord> written = records(3, 40, 250);

        sink.write(batch(written.subList(0, 100)));
        sink.write(batch(written.subList(100, 250)));
        sink.flush();

        assertThat(names(store)).containsExactly("raw_streaming/dt=20240301T10/" + FILE_PREFIX + "3+40-289.avro");
        List<GenericRecord> read = readAvro(store, names(store).get(0));
        assertThat(read).hasSize(250);
        for (int i = 0; i < read.size(); i++) {
            KafkaCoordinates expected = written.get(i).coordinates();
            GenericRecord metadata = metadata(read.get(i));
            assertThat(data(read.get(i))).isEqualTo(written.get(i).data());
            assertThat(metadata.get("offset")).isEqualTo(expected.offset());
            assertThat(metadata.get("partition")).isEqualTo(3);
            assertThat(metadata.get("topic_id").toString()).isEqualTo(TOPIC_ID);
            assertThat(metadata.get("topic").toString()).isEqualTo(TOPIC);
            assertThat(metadata.get("time")).isEqualTo(expected.timestampMillis());
            assertThat(metadata.get("key").toString()).isEqualTo(expected.key());
        }
    }

    @Test
    void aFileIsPublishedAfterTheBatchThatReachesTheRecordThreshold() {
        BlobRawSink sink = sink(settings(50, Long.MAX_VALUE, Duration.ofDays(1)));
        sink.assigned(TOPIC, TOPIC_ID, List.of(0));

        for (int from = 0; from < 100; from += 20) {
            sink.write(batch(records(0, from, 20)));
        }

        assertThat(names(store)).containsExactly("raw_streaming/dt=20240301T10/" + FILE_PREFIX + "0+0-59.avro");
        assertThat(sink.durableUpTo()).isEqualTo(Map.of(0, 59L));
        sink.flush();
        assertThat(names(store)).endsWith("raw_streaming/dt=20240301T10/" + FILE_PREFIX + "0+60-99.avro");
    }

    @Test
    void aFileIsPublishedAfterTheBatchThatReachesTheByteThreshold() {
        BlobRawSink sink = sink(settings(Long.MAX_VALUE, 20_000, Duration.ofDays(1)));
        sink.assigned(TOPIC, TOPIC_ID, List.of(0));

        for (int from = 0; from < 600; from += 200) {
            sink.write(batch(records(0, from, 200)));
        }

        assertThat(names(store))
                .containsExactly(
                        "raw_streaming/dt=20240301T10/" + FILE_PREFIX + "0+0-199.avro",
                        "raw_streaming/dt=20240301T10/" + FILE_PREFIX + "0+200-399.avro",
                        "raw_streaming/dt=20240301T10/" + FILE_PREFIX + "0+400-599.avro");
        assertThat(store.list("raw_streaming/"))
                .allSatisfy(blob -> assertThat(blob.size()).isGreaterThan(20_000));
    }

    @Test
    void aFileIsPublishedAfterTheBatchThatFindsItOpenForTheRotationAge() {
        BlobRawSink sink = sink(settings(Long.MAX_VALUE, Long.MAX_VALUE, Duration.ofMinutes(5)));
        sink.assigned(TOPIC, TOPIC_ID, List.of(0));

        sink.write(batch(records(0, 0, 10)));
        clock.advance(Duration.ofMinutes(4));
        sink.write(batch(records(0, 10, 10)));
        assertThat(names(store)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        sink.write(batch(records(0, 20, 10)));

        assertThat(names(store)).containsExactly("raw_streaming/dt=20240301T10/" + FILE_PREFIX + "0+0-29.avro");
    }

    @Test
    void anOpenFileIsNotDurableAndAFlushMakesEverythingDurableUpToTheLastConsumedOffset() {
        BlobRawSink sink = sink(flushOnly());
        sink.assigned(TOPIC, TOPIC_ID, List.of(0, 1));

        sink.write(new RawBatch(records(0, 0, 10), Map.of(0, 12L, 1, 4L)));
        assertThat(sink.durableUpTo()).as("partition 1 had only dead letters").isEqualTo(Map.of(1, 4L));
        sink.flush();
        assertThat(sink.durableUpTo()).isEqualTo(Map.of(0, 12L, 1, 4L));

        sink.write(new RawBatch(records(0, 13, 7), Map.of(0, 19L)));
        assertThat(sink.durableUpTo()).isEqualTo(Map.of(0, 12L, 1, 4L));
        sink.write(new RawBatch(records(1, 5, 1), Map.of(0, 21L, 1, 5L)));
        assertThat(sink.durableUpTo()).isEqualTo(Map.of(0, 12L, 1, 4L));
        sink.flush();
        assertThat(sink.durableUpTo()).isEqualTo(Map.of(0, 21L, 1, 5L));
        assertThat(names(store)).hasSize(3);
    }

    @Test
    void revokedPartitionsArePublishedAndForgotten() {
        BlobRawSink sink = sink(flushOnly());
        sink.assigned(TOPIC, TOPIC_ID, List.of(0, 1));
        List<RawRecord> both = new ArrayList<>(records(0, 0, 5));
        both.addAll(records(1, 0, 5));
        sink.write(batch(both));

        sink.revoked(List.of(1));

        assertThat(names(store)).containsExactly("raw_streaming/dt=20240301T10/" + FILE_PREFIX + "1+0-4.avro");
        assertThat(sink.durableUpTo()).isEmpty();
        assertThatThrownBy(() -> sink.write(batch(records(1, 5, 1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Record supply_chain_data/1@5 of topic id " + TOPIC_ID
                        + " is not in a partition assigned to the raw sink");
    }

    @Test
    void closeDeletesTheTempFilesOfUnpublishedFiles() {
        BlobRawSink sink = sink(flushOnly());
        sink.assigned(TOPIC, TOPIC_ID, List.of(0, 1));
        List<RawRecord> both = new ArrayList<>(records(0, 0, 5));
        both.addAll(records(1, 0, 5));
        sink.write(batch(both));
        assertThat(RawTestRecords.files(dir.resolve("tmp"))).hasSize(2);

        sink.close();

        assertThat(RawTestRecords.files(dir.resolve("tmp"))).isEmpty();
        assertThat(names(store)).isEmpty();
    }

    @Test
    void recordsOfAPartitionThatWasNeverAssignedAreRefused() {
        BlobRawSink sink = sink(flushOnly());

        assertThatThrownBy(() -> sink.write(batch(records(0, 0, 1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call assigned() first");
    }

    private BlobRawSink sink(RawSinkSettings settings) {
        BlobRawSink sink = new BlobRawSink(settings, store, dir.resolve("tmp"), clock);
        sinks.add(sink);
        return sink;
    }

    private long totalBytes() {
        return store.list("").stream().mapToLong(blob -> blob.size()).sum();
    }
}
