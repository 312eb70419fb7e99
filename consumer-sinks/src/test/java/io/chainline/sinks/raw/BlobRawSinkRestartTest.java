package io.chainline.sinks.raw;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.store.BlobStore;
import io.chainline.core.store.LocalBlobStore;
import io.chainline.sinks.spi.RawRecord;

import static io.chainline.sinks.raw.RawTestRecords.OTHER_TOPIC_ID;
import static io.chainline.sinks.raw.RawTestRecords.SECOND_PER_OFFSET;
import static io.chainline.sinks.raw.RawTestRecords.START;
import static io.chainline.sinks.raw.RawTestRecords.TOPIC;
import static io.chainline.sinks.raw.RawTestRecords.TOPIC_ID;
import static io.chainline.sinks.raw.RawTestRecords.batch;
import static io.chainline.sinks.raw.RawTestRecords.flushOnly;
import static io.chainline.sinks.raw.RawTestRecords.names;
import static io.chainline.sinks.raw.RawTestRecords.offsets;
import static io.chainline.sinks.raw.RawTestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;

/** Re-delivery after a crash: the sink never stores a record twice in an hour folder, and never loses one. */
class BlobRawSinkRestartTest {
    private static final String HOUR_10 = "raw_streaming/dt=20240301T10/";
    private static final String FILE_PREFIX = TOPIC + "+" + TOPIC_ID + "+";

    @TempDir
    Path dir;

    private BlobStore store;

    @BeforeEach
    void openStore() {
        store = new LocalBlobStore(dir.resolve("store"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aRestartedSinkSkipsEveryRecordUpToTheHighestStoredOffset() {
        try (BlobRawSink first = sink()) {
            first.assigned(TOPIC, TOPIC_ID, List.of(0));
            first.write(batch(records(0, 0, 100)));
            first.flush();
        }

        try (BlobRawSink second = sink()) {
            second.assigned(TOPIC, TOPIC_ID, List.of(0));
            second.write(batch(records(0, 50, 100)));
            second.flush();

            assertThat(names(store))
                    .containsExactly(HOUR_10 + FILE_PREFIX + "0+0-99.avro", HOUR_10 + FILE_PREFIX + "0+100-149.avro");
            assertThat(offsets(store, HOUR_10 + FILE_PREFIX + "0+100-149.avro"))
                    .isEqualTo(LongStream.range(100, 150).boxed().toList());
            assertThat(second.stats().rows()).isEqualTo(50);
            assertThat(second.stats().skipped()).isEqualTo(50);
            assertThat(second.durableUpTo()).isEqualTo(Map.of(0, 149L));
        }
    }

    @Test
    void filesOfAnotherTopicIdDoNotSkipAnything() {
        try (BlobRawSink first = sink()) {
            first.assigned(TOPIC, OTHER_TOPIC_ID, List.of(0));
            first.write(batch(records(OTHER_TOPIC_ID, 0, 0, 100, SECOND_PER_OFFSET)));
            first.flush();
        }

        try (BlobRawSink second = sink()) {
            second.assigned(TOPIC, TOPIC_ID, List.of(0));
            second.write(batch(records(0, 0, 50)));
            second.flush();

            assertThat(names(store))
                    .containsExactlyInAnyOrder(
                            HOUR_10 + TOPIC + "+" + OTHER_TOPIC_ID + "+0+0-99.avro",
                            HOUR_10 + FILE_PREFIX + "0+0-49.avro");
            assertThat(second.stats().skipped()).isZero();
        }
    }

    @Test
    void aLostFileOfOneHourIsRewrittenEvenWhenAnotherHourStoredHigherOffsets() {
        // Event time interleaves hours within a partition: even offsets in one hour, odd ones in another.
        List<RawRecord> interleaved = records(
                TOPIC_ID,
                0,
                0,
                20,
                offset -> START.plus(Duration.ofHours(offset % 2)).toEpochMilli());
        try (BlobRawSink first = sink()) {
            first.assigned(TOPIC, TOPIC_ID, List.of(0));
            first.write(batch(interleaved));
            first.revoked(List.of(0));
        }
        store.delete("raw_streaming/dt=20240301T11/" + FILE_PREFIX + "0+1-19.avro");

        try (BlobRawSink second = sink()) {
            second.assigned(TOPIC, TOPIC_ID, List.of(0));
            second.write(batch(interleaved));
            second.flush();

            assertThat(names(store))
                    .containsExactly(
                            HOUR_10 + FILE_PREFIX + "0+0-18.avro",
                            "raw_streaming/dt=20240301T11/" + FILE_PREFIX + "0+1-19.avro");
            assertThat(second.stats().skipped()).isEqualTo(10);
        }
    }

    @Test
    void aFileThatExistsAlreadyIsLeftAsItIsAndCountedAsSkipped() {
        try (BlobRawSink zombie = sink();
                BlobRawSink owner = sink()) {
            zombie.assigned(TOPIC, TOPIC_ID, List.of(0));
            owner.assigned(TOPIC, TOPIC_ID, List.of(0));
            zombie.write(batch(records(0, 0, 10)));
            owner.write(batch(records(0, 0, 10)));
            zombie.flush();
            long stored = store.stat(HOUR_10 + FILE_PREFIX + "0+0-9.avro")
                    .orElseThrow()
                    .size();

            owner.flush();

            assertThat(names(store)).containsExactly(HOUR_10 + FILE_PREFIX + "0+0-9.avro");
            assertThat(store.stat(HOUR_10 + FILE_PREFIX + "0+0-9.avro")
                            .orElseThrow()
                            .size())
                    .isEqualTo(stored);
            assertThat(owner.stats().files()).isZero();
            assertThat(owner.stats().skipped()).isEqualTo(10);
            assertThat(owner.durableUpTo()).isEqualTo(Map.of(0, 9L));
            assertThat(RawTestRecords.files(dir.resolve("tmp"))).isEmpty();
        }
    }

    private BlobRawSink sink() {
        return new BlobRawSink(flushOnly(), store, dir.resolve("tmp"), new MutableClock(START));
    }
}
