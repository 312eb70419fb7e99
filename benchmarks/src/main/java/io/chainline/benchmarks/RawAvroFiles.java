package io.chainline.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;

import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.generator.GeneratedRow;
import io.chainline.core.raw.KafkaCoordinates;
import io.chainline.core.raw.RawRecordSchema;

import static java.util.Objects.requireNonNull;

/**
 * Writes generated rows as the raw files the consumer's raw sink writes with its defaults: Avro of the raw-record
 * schema, zstandard, under {@code raw_streaming/dt=YYYYMMDDTHH/<topic>+<topicId>+<partition>+<first>-<last>.avro},
 * one file per partition and hour rotated every {@value #ROTATE_RECORDS} records. Row {@code i} sits in partition
 * {@code i % 3} at offset {@code i / 3}, keyed by its Order Item Id, with a Kafka time 20 ms after row
 * {@code i - 1}'s, from {@link #START}.
 */
final class RawAvroFiles {
    static final String TOPIC = "supply_chain_data";
    static final String TOPIC_ID = "m3Pq5cXhQ8mN6v0lYb2rTw";
    static final int PARTITIONS = 3;
    static final long ROTATE_RECORDS = 100_000;
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final long MILLIS_PER_ROW = 20;

    /**
     * What was written.
     *
     * @param rows the rows
     * @param files the Avro files
     * @param bytes their total size
     */
    record Written(long rows, int files, long bytes) {}

    private RawAvroFiles() {}

    /** Writes {@code rows} rows of {@code new DataCoGenerator(seed)} under {@code root}/raw_streaming. */
    static Written write(Path root, long rows, long seed) {
        requireNonNull(root, "root is null");
        OpenFile[] open = new OpenFile[PARTITIONS];
        int files = 0;
        long bytes = 0;
        Iterator<GeneratedRow> generated = new DataCoGenerator(seed).rows(rows);
        try {
            for (long i = 0; i < rows; i++) {
                GeneratedRow row = generated.next();
                int partition = (int) (i % PARTITIONS);
                long offset = i / PARTITIONS;
                long time = START.toEpochMilli() + i * MILLIS_PER_ROW;
                long hour = Math.floorDiv(time, 3_600_000L);
                OpenFile file = open[partition];
                if (file != null && (file.hour != hour || file.records >= ROTATE_RECORDS)) {
                    bytes += file.close();
                    files++;
                    file = null;
                }
                if (file == null) {
                    file = new OpenFile(root, partition, hour, offset);
                    open[partition] = file;
                }
                file.append(
                        RawRecordSchema.record(
                                row.asHeaderMap(),
                                new KafkaCoordinates(
                                        TOPIC, TOPIC_ID, partition, offset, time, row.get(DataCoColumn.ORDER_ITEM_ID))),
                        offset);
            }
            for (OpenFile file : open) {
                if (file != null) {
                    bytes += file.close();
                    files++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write raw files under " + root + ": " + e.getMessage(), e);
        }
        return new Written(rows, files, bytes);
    }

    /** One raw file being written under a temporary name; named with its last offset when closed. */
    private static final class OpenFile {
        private final Path folder;
        private final Path temp;
        private final int partition;
        private final long hour;
        private final long firstOffset;
        private final DataFileWriter<GenericRecord> writer;
        private long lastOffset;
        private long records;

        OpenFile(Path root, int partition, long hour, long firstOffset) throws IOException {
            LocalDateTime start = LocalDateTime.ofEpochSecond(hour * 3600, 0, ZoneOffset.UTC);
            this.folder = Files.createDirectories(root.resolve("raw_streaming")
                    .resolve(String.format(
                            "dt=%04d%02d%02dT%02d",
                            start.getYear(), start.getMonthValue(), start.getDayOfMonth(), start.getHour())));
            this.temp = folder.resolve("." + partition + "-" + firstOffset + ".tmp");
            this.partition = partition;
            this.hour = hour;
            this.firstOffset = firstOffset;
            this.writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(RawRecordSchema.SCHEMA));
            writer.setCodec(CodecFactory.zstandardCodec(CodecFactory.DEFAULT_ZSTANDARD_LEVEL));
            writer.create(RawRecordSchema.SCHEMA, temp.toFile());
        }

        void append(GenericRecord record, long offset) throws IOException {
            writer.append(record);
            lastOffset = offset;
            records++;
        }

        /** Closes and renames the file; returns its size. */
        long close() throws IOException {
            writer.close();
            Path target = folder.resolve(
                    TOPIC + "+" + TOPIC_ID + "+" + partition + "+" + firstOffset + "-" + lastOffset + ".avro");
            Files.move(temp, target);
            return Files.size(target);
        }
    }
}
