package io.chainline.sinks.raw;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.raw.OffsetRange;
import io.chainline.core.raw.TopicOffsets;
import io.chainline.core.store.BlobInfo;
import io.chainline.core.store.BlobStore;

import static java.util.Objects.requireNonNull;

/**
 * Counts the raw records stored for given Kafka offset ranges, by their coordinates: what reconciliation compares with
 * the rows a run sent. A file whose offsets lie wholly inside a range is counted from its Avro block headers without
 * decoding; a file that straddles a range boundary is read record by record.
 */
public final class RawRecordCounter {
    private final BlobStore store;
    private final String prefix;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param store the store holding the raw files
     * @param prefix the raw files' folder under the store root, {@code chainline.sinks.raw.prefix}
     */
    public RawRecordCounter(BlobStore store, String prefix) {
        this.store = requireNonNull(store, "store is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
    }

    /** The number of stored raw records whose coordinates lie in {@code offsets}. */
    public long count(TopicOffsets offsets) {
        requireNonNull(offsets, "offsets is null");
        long total = 0;
        for (BlobInfo blob : store.list(prefix + "/")) {
            Optional<RawFileName> parsed = RawFileName.parse(blob.name());
            if (parsed.isEmpty() || !parsed.get().topicId().equals(offsets.topicId())) {
                continue;
            }
            RawFileName file = parsed.get();
            Optional<OffsetRange> range = offsets.range(file.partition());
            if (range.isEmpty()
                    || file.lastOffset() < range.get().first()
                    || file.firstOffset() > range.get().last()) {
                continue;
            }
            boolean inside =
                    range.get().contains(file.firstOffset()) && range.get().contains(file.lastOffset());
            total += blob.name().endsWith(RawSinkSettings.Format.AVRO.extension())
                    ? countAvro(blob.name(), inside ? null : range.get())
                    : countJsonLines(blob.name(), range.get());
        }
        return total;
    }

    private long countAvro(String name, OffsetRange straddled) {
        try (InputStream in = store.open(name);
                DataFileStream<GenericRecord> records = new DataFileStream<>(in, new GenericDatumReader<>())) {
            long count = 0;
            if (straddled == null) {
                while (records.hasNext()) {
                    count += records.getBlockCount();
                    records.nextBlock();
                }
                return count;
            }
            GenericRecord record = null;
            while (records.hasNext()) {
                record = records.next(record);
                if (straddled.contains((Long) ((GenericRecord) record.get("metadata")).get("offset"))) {
                    count++;
                }
            }
            return count;
        } catch (IOException | RuntimeException e) {
            throw failure(name, e);
        }
    }

    private long countJsonLines(String name, OffsetRange range) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(store.open(name), StandardCharsets.UTF_8))) {
            long count = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode offset = json.readTree(line).path("metadata").path("offset");
                if (!offset.canConvertToLong()) {
                    throw new DataQualityException("The raw file " + store.uriOf(name)
                            + " holds a line without metadata.offset: " + abbreviate(line));
                }
                if (range.contains(offset.asLong())) {
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw failure(name, e);
        }
    }

    private ChainlineException failure(String name, Exception cause) {
        return cause instanceof ChainlineException chainline
                ? chainline
                : new DataQualityException(
                        "Cannot count the records of the raw file " + store.uriOf(name) + ": " + cause.getMessage(),
                        cause);
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }
}
