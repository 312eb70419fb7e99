package io.chainline.sinks.postgres;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.Uuid;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.generator.GeneratedRow;
import io.chainline.core.json.Json;
import io.chainline.core.raw.KafkaCoordinates;
import io.chainline.sinks.spi.RawBatch;
import io.chainline.sinks.spi.RawRecord;

/** Raw records of generated DataCo rows as the consumer hands them to sinks, spread round-robin over partitions. */
final class BronzeRecords {
    static final String TOPIC = "supply_chain_data";
    static final Uuid TOPIC_ID = new Uuid(0x5eedL, 0x1234_5678_9abcL);
    static final long FIRST_TIMESTAMP = 1_700_000_000_000L;
    private static final ObjectMapper JSON = Json.dataMapper();

    private BronzeRecords() {}

    /** {@code count} records of seed 7's rows over {@code partitions} partitions, offsets from 0 in each. */
    static List<RawRecord> generate(int count, int partitions, Uuid topicId) {
        Iterator<GeneratedRow> rows = new DataCoGenerator(7).rows(count);
        long[] next = new long[partitions];
        List<RawRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            GeneratedRow row = rows.next();
            Map<String, String> data = row.asHeaderMap();
            int partition = i % partitions;
            KafkaCoordinates at = new KafkaCoordinates(
                    TOPIC,
                    topicId.toString(),
                    partition,
                    next[partition]++,
                    FIRST_TIMESTAMP + i * 1_000L,
                    row.get(DataCoColumn.ORDER_ITEM_ID));
            records.add(new RawRecord(at, json(data), data));
        }
        return records;
    }

    /** The records as consecutive batches of up to {@code size}, each consumed up to its last offsets. */
    static List<RawBatch> batches(List<RawRecord> records, int size) {
        List<RawBatch> batches = new ArrayList<>();
        for (int from = 0; from < records.size(); from += size) {
            batches.add(batch(records.subList(from, Math.min(records.size(), from + size))));
        }
        return batches;
    }

    /** One batch of {@code records}, consumed up to their highest offset per partition. */
    static RawBatch batch(List<RawRecord> records) {
        return new RawBatch(records, lastOffsets(records));
    }

    /** Per partition, the highest offset among {@code records}. */
    static Map<Integer, Long> lastOffsets(List<RawRecord> records) {
        Map<Integer, Long> last = new HashMap<>();
        for (RawRecord record : records) {
            last.merge(record.coordinates().partition(), record.coordinates().offset(), Math::max);
        }
        return last;
    }

    private static byte[] json(Map<String, String> data) {
        try {
            return JSON.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a generated row as JSON", e);
        }
    }
}
