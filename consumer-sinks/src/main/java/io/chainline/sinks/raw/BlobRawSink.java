package io.chainline.sinks.raw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.raw.KafkaCoordinates;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.WriteCondition;
import io.chainline.sinks.spi.RawBatch;
import io.chainline.sinks.spi.RawRecord;
import io.chainline.sinks.spi.RawSink;
import io.chainline.sinks.spi.SinkStats;

import static java.util.Objects.requireNonNull;

/**
 * The {@code raw} sink: appends each record to a local temp file of its (partition, hour) and publishes the file to
 * the object store as {@code <prefix>/dt=YYYYMMDDTHH/<topic>+<topicId>+<partition>+<firstOffset>-<lastOffset>.avro}
 * ({@code .jsonl} for json-lines) when a rotation threshold is reached after a batch, on {@link #flush()} and on
 * {@link #revoked}. Publishing is create-if-absent and atomic, so files end at batch boundaries and a file that
 * exists already is left as it is. On {@link #assigned} the sink reads the names of the files stored for the topic
 * id and skips every record they hold, so a restart never writes an overlapping range of an hour folder.
 *
 * <p>Memory is bounded by the open files' buffers (one Avro block each); records go to disk as they arrive. At most
 * {@value #MAX_OPEN_FILES} files are open at once: event time spreads a partition over many hours, and when a record
 * needs one more file the least recently written one is closed and published with the batch.
 * Used from one consumer thread at a time; {@link #stats()} may be read from any thread.
 */
public final class BlobRawSink implements RawSink {
    /** This sink's type name. */
    public static final String TYPE = "raw";

    /** Open files at most (each holds a file handle and an Avro block buffer). */
    public static final int MAX_OPEN_FILES = 256;

    private static final Logger LOG = LoggerFactory.getLogger(BlobRawSink.class);

    private final RawSinkSettings settings;
    private final BlobStore store;
    private final Path tempDir;
    private final Clock clock;
    private final int maxOpenFiles;
    private final RecordHour recordHour;
    private final JsonFactory jsonFactory = new JsonFactory();
    private final StoredOffsets stored = new StoredOffsets();
    /** In access order: the first entry is the least recently written file. */
    private final Map<FileKey, PendingRawFile> open = new LinkedHashMap<>(16, 0.75f, true);
    /** Closed files waiting for the store, in the order they were closed (that of their offsets per hour). */
    private final List<PendingRawFile> sealed = new ArrayList<>();

    private final Map<Integer, Long> consumedUpTo = new HashMap<>();
    private String topicId;
    private volatile long rows;
    private volatile long skipped;
    private volatile long files;
    private volatile long bytes;
    private volatile long busyNanos;

    /**
     * @param settings prefix, format, codec, hour partitioning and rotation thresholds
     * @param store the object store; not closed by this sink
     * @param tempDir local directory for files being written (created when missing)
     * @param clock measures how long a file has been open
     */
    public BlobRawSink(RawSinkSettings settings, BlobStore store, Path tempDir, Clock clock) {
        this(settings, store, tempDir, clock, MAX_OPEN_FILES);
    }

    BlobRawSink(RawSinkSettings settings, BlobStore store, Path tempDir, Clock clock, int maxOpenFiles) {
        this.settings = requireNonNull(settings, "settings is null");
        this.store = requireNonNull(store, "store is null");
        this.tempDir = requireNonNull(tempDir, "tempDir is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (maxOpenFiles < 1) {
            throw new IllegalArgumentException("maxOpenFiles must be >= 1, got " + maxOpenFiles);
        }
        this.maxOpenFiles = maxOpenFiles;
        this.recordHour = new RecordHour(settings.partitionBy());
    }

    /** Loads, per partition and hour, the highest offset already stored for {@code topicId}. */
    @Override
    public void assigned(String topic, String topicId, Collection<Integer> partitions) {
        requireNonNull(topic, "topic is null");
        requireNonNull(topicId, "topicId is null");
        requireNonNull(partitions, "partitions is null");
        long start = System.nanoTime();
        try {
            if (this.topicId != null && !this.topicId.equals(topicId)) {
                publish(new ArrayList<>(open.values()));
                stored.clear();
                consumedUpTo.clear();
            }
            this.topicId = topicId;
            Set<Integer> assigned = Set.copyOf(partitions);
            stored.load(store.list(settings.prefix() + "/"), topicId, assigned);
            Map<Integer, Long> resume = new TreeMap<>();
            assigned.forEach(partition -> resume.put(partition, stored.highest(partition)));
            LOG.info(
                    "Raw sink assigned {} (id {}) partitions {} under {}/: highest stored offset per partition {}",
                    topic,
                    topicId,
                    resume.keySet(),
                    settings.prefix(),
                    resume);
        } finally {
            busyNanos += System.nanoTime() - start;
        }
    }

    /** Appends the batch's records to their files, then publishes the files whose rotation is due. */
    @Override
    public void write(RawBatch batch) {
        requireNonNull(batch, "batch is null");
        long start = System.nanoTime();
        try {
            long skippedNow = 0;
            for (RawRecord record : batch.records()) {
                KafkaCoordinates coordinates = checkAssigned(record.coordinates());
                int partition = coordinates.partition();
                long hour = recordHour.of(record);
                if (stored.covers(partition, hour, coordinates.offset())) {
                    skippedNow++;
                    continue;
                }
                PendingRawFile file = open.get(new FileKey(partition, hour));
                if (file == null) {
                    if (open.size() >= maxOpenFiles) {
                        seal(open.values().iterator().next());
                    }
                    file = openFile(coordinates, hour);
                    open.put(new FileKey(partition, hour), file);
                }
                append(file, record);
                stored.advance(partition, hour, coordinates.offset());
            }
            skipped += skippedNow;
            batch.consumedUpTo().forEach((partition, offset) -> {
                if (stored.tracks(partition)) {
                    consumedUpTo.merge(partition, offset, Math::max);
                }
            });
            long now = clock.millis();
            publish(open.values().stream()
                    .filter(file -> file.rotationDue(settings, now))
                    .toList());
        } finally {
            busyNanos += System.nanoTime() - start;
        }
    }

    /** Publishes every open file. */
    @Override
    public void flush() {
        long start = System.nanoTime();
        try {
            publish(new ArrayList<>(open.values()));
        } finally {
            busyNanos += System.nanoTime() - start;
        }
    }

    /** Publishes the open files of these partitions and forgets them. */
    @Override
    public void revoked(Collection<Integer> partitions) {
        requireNonNull(partitions, "partitions is null");
        long start = System.nanoTime();
        try {
            Set<Integer> revoked = Set.copyOf(partitions);
            publish(open.values().stream()
                    .filter(file -> revoked.contains(file.partition()))
                    .toList());
            stored.forget(revoked);
            revoked.forEach(consumedUpTo::remove);
        } finally {
            busyNanos += System.nanoTime() - start;
        }
    }

    /**
     * Per partition, the consumedUpTo of the last batch whose records are all in published files; a partition whose
     * first consumed batch is still in an unpublished file is absent.
     */
    @Override
    public Map<Integer, Long> durableUpTo() {
        Map<Integer, Long> bound = new HashMap<>();
        List<PendingRawFile> pending = new ArrayList<>(sealed);
        pending.addAll(open.values());
        for (PendingRawFile file : pending) {
            bound.merge(file.partition(), file.durableBefore(), Math::min);
        }
        Map<Integer, Long> durable = new HashMap<>();
        consumedUpTo.forEach((partition, consumed) -> {
            long upTo = bound.getOrDefault(partition, consumed);
            if (upTo != PendingRawFile.NOTHING_DURABLE) {
                durable.put(partition, upTo);
            }
        });
        return Map.copyOf(durable);
    }

    @Override
    public SinkStats stats() {
        return new SinkStats(rows, skipped, files, bytes, busyNanos);
    }

    /** Deletes the temp files of unpublished files; their records will be re-delivered. */
    @Override
    public void close() {
        List<PendingRawFile> pending = new ArrayList<>(sealed);
        pending.addAll(open.values());
        sealed.clear();
        open.clear();
        long dropped = 0;
        for (PendingRawFile file : pending) {
            dropped += file.records();
            try {
                file.discard();
            } catch (IOException e) {
                LOG.warn("Could not delete the raw temp file {}: {}", file.temp(), e.toString());
            }
        }
        if (!pending.isEmpty()) {
            LOG.info(
                    "Raw sink closed with {} unpublished files ({} records); they will be re-delivered",
                    pending.size(),
                    dropped);
        }
    }

    private KafkaCoordinates checkAssigned(KafkaCoordinates coordinates) {
        if (!coordinates.topicId().equals(topicId) || !stored.tracks(coordinates.partition())) {
            throw new IllegalStateException("Record " + coordinates.topic() + "/" + coordinates.partition() + "@"
                    + coordinates.offset() + " of topic id " + coordinates.topicId() + " is not in a partition"
                    + " assigned to the raw sink (assigned: topic id " + topicId + "); call assigned() first");
        }
        return coordinates;
    }

    private PendingRawFile openFile(KafkaCoordinates first, long hour) {
        int partition = first.partition();
        Path temp = null;
        try {
            Files.createDirectories(tempDir);
            temp = Files.createTempFile(
                    tempDir,
                    "raw-" + partition + "-" + hour + "-",
                    settings.format().extension() + ".tmp");
            RawFileWriter writer = settings.format() == RawSinkSettings.Format.AVRO
                    ? new AvroRawFileWriter(temp, settings.codec().avroCodec())
                    : new JsonLinesRawFileWriter(temp, jsonFactory);
            long durableBefore = consumedUpTo.getOrDefault(partition, PendingRawFile.NOTHING_DURABLE);
            return new PendingRawFile(first, hour, temp, writer, durableBefore, clock.millis());
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new ChainlineException("Cannot create a raw file in " + tempDir + ": " + e.getMessage(), e);
        }
    }

    private static void append(PendingRawFile file, RawRecord record) {
        try {
            file.append(record);
        } catch (IOException e) {
            throw new ChainlineException(
                    "Cannot append offset " + record.coordinates().offset() + " to raw file " + file.temp() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Closes these open files, then uploads every sealed file in order; stops at the first failure. */
    private void publish(List<PendingRawFile> files) {
        files.forEach(this::seal);
        for (Iterator<PendingRawFile> it = sealed.iterator(); it.hasNext(); ) {
            upload(it.next());
            it.remove();
        }
    }

    /** Closes an open file; it waits in {@link #sealed} for the next upload. */
    private void seal(PendingRawFile file) {
        open.remove(new FileKey(file.partition(), file.hour()));
        sealed.add(file);
        try {
            file.seal();
        } catch (IOException e) {
            throw new ChainlineException("Cannot complete raw file " + file.temp() + ": " + e.getMessage(), e);
        }
    }

    private void upload(PendingRawFile file) {
        if (!file.publishable()) {
            throw new ChainlineException("Raw file " + file.temp() + " of partition " + file.partition()
                    + " could not be written completely; close the raw sink so that its records are re-delivered");
        }
        String name =
                file.name().objectName(settings.prefix(), settings.format().extension());
        long size;
        try {
            size = Files.size(file.temp());
        } catch (IOException e) {
            throw new ChainlineException(
                    "Cannot read raw file " + file.temp() + " for " + name + ": " + e.getMessage(), e);
        }
        if (store.write(name, file.temp(), WriteCondition.ifAbsent())) {
            rows += file.records();
            files++;
            bytes += size;
            LOG.debug("Published {} ({} records, {} bytes)", store.uriOf(name), file.records(), size);
        } else {
            skipped += file.records();
            LOG.info("{} exists already; its {} records are stored", store.uriOf(name), file.records());
        }
        deleteQuietly(file.temp());
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Could not delete the raw temp file {}: {}", temp, e.toString());
        }
    }

    private record FileKey(int partition, long hour) {}
}
