package io.chainline.sinks.raw;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.json.Json;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.GcsBlobStore;
import io.chainline.core.store.LocalBlobStore;
import io.chainline.sinks.spi.RawBatch;
import io.chainline.sinks.spi.RawRecord;

import static io.chainline.sinks.raw.RawTestRecords.START;
import static io.chainline.sinks.raw.RawTestRecords.TOPIC;
import static io.chainline.sinks.raw.RawTestRecords.TOPIC_ID;
import static io.chainline.sinks.raw.RawTestRecords.batch;
import static io.chainline.sinks.raw.RawTestRecords.data;
import static io.chainline.sinks.raw.RawTestRecords.names;
import static io.chainline.sinks.raw.RawTestRecords.offsets;
import static io.chainline.sinks.raw.RawTestRecords.readAvro;
import static io.chainline.sinks.raw.RawTestRecords.record;
import static io.chainline.sinks.raw.RawTestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;

/** Event-time folders, the json-lines format, every codec and the GCS store. */
class BlobRawSinkFormatsTest {
    private static final String FILE_PREFIX = TOPIC + "+" + TOPIC_ID + "+";
    private static final String ORDER_DATE = DataCoColumn.ORDER_DATE.header();

    @TempDir
    Path dir;

    @Test
    void eventTimePutsARecordInTheHourOfItsOrderDateOrElseOfItsKafkaTime() {
        List<RawRecord> records = new ArrayList<>();
        records.add(withOrderDate(0, "1/31/2018 22:56"));
        records.add(withOrderDate(1, "2/1/18 7:05"));
        records.add(withOrderDate(2, ""));
        records.add(withOrderDate(3, "31/1/2018 22:56"));
        records.add(withOrderDate(4, "1/31/2018 22:01"));

        try (BlobStore store = new LocalBlobStore(dir.resolve("store"));
                BlobRawSink sink = new BlobRawSink(
                        settings(
                                RawSinkSettings.Format.AVRO,
                                RawSinkSettings.Codec.ZSTANDARD,
                                RawSinkSettings.PartitionBy.EVENT_TIME),
                        store,
                        dir.resolve("tmp"),
                        new MutableClock(START))) {
            sink.assigned(TOPIC, TOPIC_ID, List.of(0));
            sink.write(batch(records));
            sink.flush();

            assertThat(names(store))
                    .containsExactly(
                            "raw_streaming/dt=20180131T22/" + FILE_PREFIX + "0+0-4.avro",
                            "raw_streaming/dt=20180201T07/" + FILE_PREFIX + "0+1-1.avro",
                            "raw_streaming/dt=20240301T10/" + FILE_PREFIX + "0+2-3.avro");
            assertThat(offsets(store, "raw_streaming/dt=20180131T22/" + FILE_PREFIX + "0+0-4.avro"))
                    .containsExactly(0L, 4L);
        }
    }

    @Test
    void beyondTheOpenFileLimitTheLeastRecentlyWrittenFileIsPublishedWithTheBatch() {
        RawSinkSettings settings = settings(
                RawSinkSettings.Format.AVRO, RawSinkSettings.Codec.ZSTANDARD, RawSinkSettings.PartitionBy.KAFKA_TIME);
        List<RawRecord> threeHours = records(
                TOPIC_ID,
                0,
                0,
                7,
                offset -> START.plus(Duration.ofHours(offset % 3)).toEpochMilli());
        try (BlobStore store = new LocalBlobStore(dir.resolve("store"))) {
            try (BlobRawSink sink = new BlobRawSink(settings, store, dir.resolve("tmp"), new MutableClock(START), 2)) {
                sink.assigned(TOPIC, TOPIC_ID, List.of(0));
                sink.write(new RawBatch(threeHours.subList(0, 4), Map.of(0, 3L)));

                assertThat(names(store))
                        .containsExactly(
                                "raw_streaming/dt=20240301T10/" + FILE_PREFIX + "0+0-0.avro",
                                "raw_streaming/dt=20240301T11/" + FILE_PREFIX + "0+1-1.avro");
                assertThat(sink.durableUpTo()).isEmpty();
                sink.write(new RawBatch(threeHours.subList(4, 7), Map.of(0, 6L)));
                sink.flush();
                assertThat(sink.durableUpTo()).isEqualTo(Map.of(0, 6L));
            }
            assertThat(names(store)).hasSize(7);
            try (BlobRawSink restarted =
                    new BlobRawSink(settings, store, dir.resolve("tmp"), new MutableClock(START))) {
                restarted.assigned(TOPIC, TOPIC_ID, List.of(0));
                restarted.write(batch(threeHours));
                restarted.flush();
                assertThat(restarted.stats().skipped()).isEqualTo(7);
            }
            assertThat(names(store)).hasSize(7);
        }
    }

    @Test
    void jsonLinesHoldOneObjectPerRecordWithTheFieldsOfTheAvroRecord() throws IOException {
        List<RawRecord> written = records(2, 7, 30);
        try (BlobStore store = new LocalBlobStore(dir.resolve("store"));
                BlobRawSink sink = new BlobRawSink(
                        settings(
                                RawSinkSettings.Format.JSON_LINES,
                                RawSinkSettings.Codec.ZSTANDARD,
                                RawSinkSettings.PartitionBy.KAFKA_TIME),
                        store,
                        dir.resolve("tmp"),
                        new MutableClock(START))) {
            sink.assigned(TOPIC, TOPIC_ID, List.of(2));
            sink.write(batch(written));
            sink.flush();

            String name = "raw_streaming/dt=20240301T10/" + FILE_PREFIX + "2+7-36.jsonl";
            assertThat(names(store)).containsExactly(name);
            ObjectMapper mapper = Json.dataMapper();
            List<String> lines = lines(store, name);
            assertThat(lines).hasSize(30);
            for (int i = 0; i < lines.size(); i++) {
                JsonNode line = mapper.readTree(lines.get(i));
                RawRecord expected = written.get(i);
                Map<String, String> data = new LinkedHashMap<>();
                line.get("data")
                        .fields()
                        .forEachRemaining(f -> data.put(f.getKey(), f.getValue().asText()));
                assertThat(data).containsExactlyEntriesOf(expected.data());
                JsonNode metadata = line.get("metadata");
                assertThat(metadata.get("key").asText())
                        .isEqualTo(expected.coordinates().key());
                assertThat(metadata.get("offset").asLong())
                        .isEqualTo(expected.coordinates().offset());
                assertThat(metadata.get("partition").asInt()).isEqualTo(2);
                assertThat(metadata.get("time").asLong())
                        .isEqualTo(expected.coordinates().timestampMillis());
                assertThat(metadata.get("topic").asText()).isEqualTo(TOPIC);
                assertThat(metadata.get("topic_id").asText()).isEqualTo(TOPIC_ID);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RawSinkSettings.Codec.class)
    void everyCodecWritesFilesAvroReadsBack(RawSinkSettings.Codec codec) {
        List<RawRecord> written = records(0, 0, 100);
        try (BlobStore store = new LocalBlobStore(dir.resolve("store"));
                BlobRawSink sink = new BlobRawSink(
                        settings(RawSinkSettings.Format.AVRO, codec, RawSinkSettings.PartitionBy.KAFKA_TIME),
                        store,
                        dir.resolve("tmp"),
                        new MutableClock(START))) {
            sink.assigned(TOPIC, TOPIC_ID, List.of(0));
            sink.write(batch(written));
            sink.flush();

            List<Map<String, String>> read = readAvro(store, names(store).get(0)).stream()
                    .map(RawTestRecords::data)
                    .toList();
            assertThat(read).isEqualTo(written.stream().map(RawRecord::data).toList());
        }
    }

    @Test
    void aGcsStoreReceivesTheSameFilesAndRestartsFromThem() {
        var storage = LocalStorageHelper.customOptions(false).getService();
        try (BlobStore store = new GcsBlobStore(storage, "chainline-bucket", "env/dev")) {
            try (BlobRawSink first = gcsSink(store)) {
                first.assigned(TOPIC, TOPIC_ID, List.of(0));
                first.write(batch(records(0, 0, 100)));
                first.flush();
            }
            try (BlobRawSink second = gcsSink(store)) {
                second.assigned(TOPIC, TOPIC_ID, List.of(0));
                second.write(batch(records(0, 50, 100)));
                second.flush();
            }

            String hour = "raw_streaming/dt=20240301T10/" + FILE_PREFIX;
            assertThat(names(store)).containsExactly(hour + "0+0-99.avro", hour + "0+100-149.avro");
            assertThat(store.uriOf(hour + "0+0-99.avro").toString())
                    .isEqualTo("gs://chainline-bucket/env/dev/" + hour + "0+0-99.avro");
            assertThat(readAvro(store, hour + "0+100-149.avro"))
                    .extracting(r -> data(r))
                    .isEqualTo(records(0, 100, 50).stream().map(RawRecord::data).toList());
        }
    }

    private BlobRawSink gcsSink(BlobStore store) {
        return new BlobRawSink(RawTestRecords.flushOnly(), store, dir.resolve("tmp"), new MutableClock(START));
    }

    private static RawRecord withOrderDate(long offset, String orderDate) {
        RawRecord generated = records(0, offset, 1).get(0);
        Map<String, String> data = new LinkedHashMap<>(generated.data());
        data.put(ORDER_DATE, orderDate);
        return record(TOPIC_ID, 0, offset, START.toEpochMilli(), data);
    }

    private static RawSinkSettings settings(
            RawSinkSettings.Format format, RawSinkSettings.Codec codec, RawSinkSettings.PartitionBy partitionBy) {
        return new RawSinkSettings(
                "raw_streaming", format, codec, partitionBy, Long.MAX_VALUE, Long.MAX_VALUE, Duration.ofDays(1));
    }

    private static List<String> lines(BlobStore store, String name) throws IOException {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(store.open(name), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
