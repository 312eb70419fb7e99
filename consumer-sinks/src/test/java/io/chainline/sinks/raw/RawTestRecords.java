package io.chainline.sinks.raw;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.generator.GeneratedRow;
import io.chainline.core.json.Json;
import io.chainline.core.raw.KafkaCoordinates;
import io.chainline.core.store.BlobInfo;
import io.chainline.core.store.BlobStore;
import io.chainline.sinks.spi.RawBatch;
import io.chainline.sinks.spi.RawRecord;

/** Deterministic raw records from generated DataCo rows, and readers of the files the raw sink writes. */
final class RawTestRecords {
    static final String TOPIC = "supply_chain_data";
    static final String TOPIC_ID = "q7XyZ0c1Tt-Fl3mXb8O_2A";
    static final String OTHER_TOPIC_ID = "Jm4k9Vq1S6a2RrBw0pLx7g";
    /** 2024-03-01T10:00:00Z, the Kafka time of offset 0 unless a test says otherwise. */
    static final Instant START = Instant.parse("2024-03-01T10:00:00Z");
    /** Offsets one second apart: the first 3600 offsets fall into hour 10. */
    static final LongUnaryOperator SECOND_PER_OFFSET =
            offset -> START.plusSeconds(offset).toEpochMilli();

    private static final ObjectMapper JSON = Json.dataMapper();

    private RawTestRecords() {}

    /** Records of {@code partition} at offsets {@code [from, from + count)}, the generator's rows from the same index. */
    static List<RawRecord> records(
            String topicId, int partition, long from, int count, LongUnaryOperator timeOfOffset) {
        List<RawRecord> records = new ArrayList<>(count);
        Iterator<GeneratedRow> rows = new DataCoGenerator(7).rows(from, count);
        for (long offset = from; rows.hasNext(); offset++) {
            Map<String, String> data = rows.next().asHeaderMap();
            records.add(record(topicId, partition, offset, timeOfOffset.applyAsLong(offset), data));
        }
        return records;
    }

    static List<RawRecord> records(int partition, long from, int count) {
        return records(TOPIC_ID, partition, from, count, SECOND_PER_OFFSET);
    }

    static RawRecord record(String topicId, int partition, long offset, long timeMillis, Map<String, String> data) {
        try {
            String key = data.get(DataCoColumn.ORDER_ITEM_ID.header());
            return new RawRecord(
                    new KafkaCoordinates(TOPIC, topicId, partition, offset, timeMillis, key),
                    JSON.writeValueAsBytes(data),
                    data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A batch of the records, consumed up to each partition's last record. */
    static RawBatch batch(List<RawRecord> records) {
        Map<Integer, Long> consumed = new HashMap<>();
        records.forEach(
                r -> consumed.merge(r.coordinates().partition(), r.coordinates().offset(), Math::max));
        return new RawBatch(records, consumed);
    }

    /** Settings as in reference.conf, with the given thresholds. */
    static RawSinkSettings settings(long rotateRecords, long rotateBytes, Duration rotateAge) {
        return new RawSinkSettings(
                "raw_streaming",
                RawSinkSettings.Format.AVRO,
                RawSinkSettings.Codec.ZSTANDARD,
                RawSinkSettings.PartitionBy.KAFKA_TIME,
                rotateRecords,
                rotateBytes,
                rotateAge);
    }

    /** Settings that never rotate on their own: files are published by flush and revocation only. */
    static RawSinkSettings flushOnly() {
        return settings(Long.MAX_VALUE, Long.MAX_VALUE, Duration.ofDays(1));
    }

    /** The names of the stored raw files, sorted. */
    static List<String> names(BlobStore store) {
        return store.list("raw_streaming/").stream().map(BlobInfo::name).toList();
    }

    /** Every record of a stored Avro file. */
    static List<GenericRecord> readAvro(BlobStore store, String name) {
        try (InputStream in = store.open(name);
                DataFileStream<GenericRecord> records = new DataFileStream<>(in, new GenericDatumReader<>())) {
            List<GenericRecord> all = new ArrayList<>();
            records.forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code data} map of an Avro raw record with plain strings. */
    static Map<String, String> data(GenericRecord record) {
        Map<String, String> data = new LinkedHashMap<>();
        ((Map<?, ?>) record.get("data")).forEach((k, v) -> data.put(k.toString(), v == null ? null : v.toString()));
        return data;
    }

    /** The {@code metadata} record of an Avro raw record. */
    static GenericRecord metadata(GenericRecord record) {
        return (GenericRecord) record.get("metadata");
    }

    /** The offsets held by a stored Avro file, in file order. */
    static List<Long> offsets(BlobStore store, String name) {
        return readAvro(store, name).stream()
                .map(r -> (Long) metadata(r).get("offset"))
                .toList();
    }

    /** The temp directory's files. */
    static List<Path> files(Path dir) {
        try (var stream = java.nio.file.Files.list(dir)) {
            return stream.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
