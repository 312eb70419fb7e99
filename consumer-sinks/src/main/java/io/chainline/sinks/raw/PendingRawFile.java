package io.chainline.sinks.raw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.chainline.core.raw.KafkaCoordinates;
import io.chainline.sinks.spi.RawRecord;

import static java.util.Objects.requireNonNull;

/**
 * A raw file of one (partition, hour) that is not published yet: a local temp file with its writer while open,
 * then sealed (writer closed) until the store accepts it. A file whose append or close failed is broken: it is
 * never published, so the partition is never reported durable past it. Not thread-safe.
 */
final class PendingRawFile {
    /** No batch of the partition was consumed before this file's first record. */
    static final long NOTHING_DURABLE = -1;

    private final String topic;
    private final String topicId;
    private final int partition;
    private final long hour;
    private final Path temp;
    private final RawFileWriter writer;
    private final long durableBefore;
    private final long openedAtMillis;
    private long firstOffset = -1;
    private long lastOffset = -1;
    private long records;
    private boolean sealed;
    private boolean broken;

    /**
     * @param first the coordinates of the first record, for the topic, topic id and partition
     * @param durableBefore the partition's consumedUpTo before the batch of the first record; everything up to it
     *     was in other files already
     */
    PendingRawFile(
            KafkaCoordinates first,
            long hour,
            Path temp,
            RawFileWriter writer,
            long durableBefore,
            long openedAtMillis) {
        this.topic = first.topic();
        this.topicId = first.topicId();
        this.partition = first.partition();
        this.hour = hour;
        this.temp = requireNonNull(temp, "temp is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.durableBefore = durableBefore;
        this.openedAtMillis = openedAtMillis;
    }

    int partition() {
        return partition;
    }

    long hour() {
        return hour;
    }

    Path temp() {
        return temp;
    }

    long durableBefore() {
        return durableBefore;
    }

    long records() {
        return records;
    }

    void append(RawRecord record) throws IOException {
        if (sealed || broken) {
            throw new IllegalStateException("Raw file " + temp + " is " + (broken ? "broken" : "sealed")
                    + "; cannot append offset " + record.coordinates().offset());
        }
        try {
            writer.append(record);
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e;
        }
        long offset = record.coordinates().offset();
        if (records == 0) {
            firstOffset = offset;
        }
        lastOffset = offset;
        records++;
    }

    /** Whether a rotation threshold is reached at {@code nowMillis}. */
    boolean rotationDue(RawSinkSettings settings, long nowMillis) {
        return records >= settings.rotateRecords()
                || writer.bytes() >= settings.rotateBytes()
                || nowMillis - openedAtMillis >= settings.rotateAge().toMillis();
    }

    /** Closes the writer; the temp file is then complete. Idempotent. */
    void seal() throws IOException {
        if (sealed || broken) {
            return;
        }
        try {
            writer.close();
            sealed = true;
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    /** Whether the temp file is complete and may be published. */
    boolean publishable() {
        return sealed && !broken && records > 0;
    }

    /** The name this file is published under. */
    RawFileName name() {
        return new RawFileName(topic, topicId, partition, hour, firstOffset, lastOffset);
    }

    /** Closes the writer and deletes the temp file; for files that will not be published. */
    void discard() throws IOException {
        try {
            if (!sealed) {
                writer.close();
            }
        } finally {
            sealed = true;
            Files.deleteIfExists(temp);
        }
    }
}
