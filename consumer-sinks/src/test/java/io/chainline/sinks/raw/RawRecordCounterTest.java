package io.chainline.sinks.raw;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.raw.OffsetRange;
import io.chainline.core.raw.TopicOffsets;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.LocalBlobStore;
import io.chainline.sinks.spi.RawRecord;

import static io.chainline.sinks.raw.RawTestRecords.OTHER_TOPIC_ID;
import static io.chainline.sinks.raw.RawTestRecords.START;
import static io.chainline.sinks.raw.RawTestRecords.TOPIC;
import static io.chainline.sinks.raw.RawTestRecords.TOPIC_ID;
import static io.chainline.sinks.raw.RawTestRecords.batch;
import static io.chainline.sinks.raw.RawTestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;

class RawRecordCounterTest {
    @TempDir
    Path dir;

    @Test
    void countsRecordsByCoordinatesInBothFormats() {
        for (RawSinkSettings.Format format : RawSinkSettings.Format.values()) {
            try (BlobStore store = new LocalBlobStore(dir.resolve(format.name()))) {
                write(store, format);
                RawRecordCounter counter = new RawRecordCounter(store, "raw_streaming");

                assertThat(counter.count(offsets(TOPIC_ID, new OffsetRange(0, 0, 99, 100))))
                        .as(format + ": a whole partition")
                        .isEqualTo(100);
                assertThat(counter.count(
                                offsets(TOPIC_ID, new OffsetRange(0, 25, 74, 50), new OffsetRange(1, 500, 509, 10))))
                        .as(format + ": straddled files")
                        .isEqualTo(60);
                assertThat(counter.count(offsets(TOPIC_ID, new OffsetRange(2, 0, 99, 100))))
                        .as(format + ": a partition without files")
                        .isZero();
                assertThat(counter.count(offsets(OTHER_TOPIC_ID, new OffsetRange(0, 0, 99, 100))))
                        .as(format + ": another incarnation of the topic")
                        .isEqualTo(3);
            }
        }
    }

    /** Partition 0: offsets 0-99 in two hourly files; partition 1: 500-519; the other topic id: 0-2. */
    private void write(BlobStore store, RawSinkSettings.Format format) {
        RawSinkSettings settings = new RawSinkSettings(
                "raw_streaming",
                format,
                RawSinkSettings.Codec.ZSTANDARD,
                RawSinkSettings.PartitionBy.KAFKA_TIME,
                Long.MAX_VALUE,
                Long.MAX_VALUE,
                Duration.ofDays(1));
        try (BlobRawSink sink =
                new BlobRawSink(settings, store, dir.resolve("tmp-" + format), new MutableClock(START))) {
            sink.assigned(TOPIC, TOPIC_ID, List.of(0, 1));
            List<RawRecord> written = new ArrayList<>(records(
                    TOPIC_ID,
                    0,
                    0,
                    100,
                    offset -> START.plus(Duration.ofMinutes(offset)).toEpochMilli()));
            written.addAll(records(TOPIC_ID, 1, 500, 20, offset -> START.toEpochMilli()));
            sink.write(batch(written));
            sink.flush();
        }
        try (BlobRawSink sink =
                new BlobRawSink(settings, store, dir.resolve("tmp2-" + format), new MutableClock(START))) {
            sink.assigned(TOPIC, OTHER_TOPIC_ID, List.of(0));
            sink.write(batch(records(OTHER_TOPIC_ID, 0, 0, 3, offset -> START.toEpochMilli())));
            sink.flush();
        }
        assertThat(store.list("raw_streaming/")).hasSize(4);
    }

    private static TopicOffsets offsets(String topicId, OffsetRange... ranges) {
        return new TopicOffsets(TOPIC, topicId, List.of(ranges));
    }
}
