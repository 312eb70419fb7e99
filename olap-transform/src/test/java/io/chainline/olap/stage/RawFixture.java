package io.chainline.olap.stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.raw.KafkaCoordinates;
import io.chainline.core.raw.RawRecordSchema;

/**
 * Hand-written raw files for the stage tests: rows of the DataCo shape, written as the raw sink writes them (Avro with
 * pipeline-core's schema, or JSON lines of the same shape) under {@code raw_streaming/dt=YYYYMMDDTHH/}.
 */
final class RawFixture {
    static final String TOPIC = "supply_chain_data";
    static final String TOPIC_ID = "Xq7lqzF8T2mS0c1p5nYb3A";
    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private final List<RawRow> rows = new ArrayList<>();

    /** One raw record. */
    record RawRow(Map<String, String> data, KafkaCoordinates coordinates) {}

    /** A DataCo row with every one of the 53 headers, as the source writes it (trailing spaces included). */
    static Map<String, String> baseRow(int orderItemId) {
        Map<String, String> row = new LinkedHashMap<>();
        for (DataCoColumn column : DataCoColumn.inFileOrder()) {
            row.put(column.header(), "");
        }
        row.put("Type", "DEBIT");
        row.put("Days for shipping (real)", "3");
        row.put("Days for shipment (scheduled)", "4");
        row.put("Benefit per order", "91.25");
        row.put("Sales per customer", "314.64");
        row.put("Delivery Status", "Advance shipping");
        row.put("Late_delivery_risk", "0");
        row.put("Customer Email", "XXXXXXXXX");
        row.put("Customer Password", "XXXXXXXXX");
        row.put("Order Item Discount", "13.11");
        row.put("Order Item Discount Rate", "0.04");
        row.put("Order Item Id", Integer.toString(orderItemId));
        row.put("Order Item Profit Ratio", "0.29");
        row.put("Order Item Quantity", "1");
        row.put("Order Profit Per Order", "91.25");
        row.put("Order Status", "COMPLETE");
        row.put("Shipping Mode", "Standard Class");
        customer(row, 101);
        product(row, 1360);
        location(row, 0);
        row.put("Order Id", "77202");
        row.put("order date (DateOrders)", "1/31/2018 22:56");
        row.put("shipping date (DateOrders)", "2/3/2018 22:56");
        return row;
    }

    static void customer(Map<String, String> row, int id) {
        String[] c = switch (id) {
            case 101 ->
                new String[] {
                    "Cally", "Holloway", "Consumer", "Caguas", "Puerto Rico", "PR", "5365 Noble Nectar Island", "725"
                };
            case 102 ->
                new String[] {"Irene", "Luna", "Corporate", "Chicago", "EE. UU.", "IL", "2679 Rustic Loop", "60601"};
            default ->
                new String[] {
                    "Gillian", "Maldonado", "Home Office", "Brownsville", "EE. UU.", "TX", "8510 Round Bear Gate", ""
                };
        };
        row.put("Customer Id", Integer.toString(id));
        row.put("Order Customer Id", Integer.toString(id));
        row.put("Customer Fname", c[0]);
        row.put("Customer Lname", c[1]);
        row.put("Customer Segment", c[2]);
        row.put("Customer City", c[3]);
        row.put("Customer Country", c[4]);
        row.put("Customer State", c[5]);
        row.put("Customer Street", c[6]);
        row.put("Customer Zipcode", c[7]);
    }

    static void product(Map<String, String> row, int cardId) {
        boolean watch = cardId == 1360;
        row.put("Product Card Id", Integer.toString(cardId));
        row.put("Order Item Cardprod Id", Integer.toString(cardId));
        row.put("Product Category Id", watch ? "73" : "17");
        row.put("Category Id", watch ? "73" : "17");
        row.put("Category Name", watch ? "Sporting Goods" : "Cleats");
        row.put("Department Id", watch ? "2" : "4");
        row.put("Department Name", watch ? "Fitness" : "Apparel");
        row.put(
                "Product Image",
                watch
                        ? "http://images.acmesports.sports/Smart+watch "
                        : "http://images.acmesports.sports/Perfect+Fitness+Perfect+Rip+Deck");
        row.put("Product Name", watch ? "Smart watch " : "Perfect Fitness Perfect Rip Deck");
        String price = watch ? "327.75" : "59.99";
        row.put("Product Price", price);
        row.put("Order Item Product Price", price);
        row.put("Sales", price);
        row.put("Order Item Total", price);
        row.put("Product Status", "0");
    }

    static void location(Map<String, String> row, int which) {
        String[][] places = {
            {"Bekasi", "Java Occidental", "Southeast Asia", "Indonesia", "Pacific Asia", "18.2514534", "-66.37054443"},
            {"Bikaner", "Rajastán", "South Asia", "India", "Pacific Asia", "18.27945137", "-66.0370636"},
            {"Townsville", "Queensland", "Oceania", "Australia", "Pacific Asia", "37.29223251", "-121.881279"},
            {"Los Angeles", "California", "West of USA ", "Estados Unidos", "USCA", "34.12", "-118.3"},
        };
        String[] place = places[which];
        row.put("Order City", place[0]);
        row.put("Order State", place[1]);
        row.put("Order Region", place[2]);
        row.put("Order Country", place[3]);
        row.put("Market", place[4]);
        row.put("Latitude", place[5]);
        row.put("Longitude", place[6]);
    }

    /** Adds a record of partition 0 at {@code offset} with Kafka time T0 + {@code seconds}. */
    RawFixture add(Map<String, String> data, long offset, long seconds) {
        rows.add(new RawRow(
                new LinkedHashMap<>(data),
                new KafkaCoordinates(
                        TOPIC,
                        TOPIC_ID,
                        0,
                        offset,
                        T0.plusSeconds(seconds).toEpochMilli(),
                        data.get("Order Item Id"))));
        return this;
    }

    /** Adds a record exactly as an earlier one (a replay of the same Kafka record). */
    RawFixture addCopy(RawRow row) {
        rows.add(row);
        return this;
    }

    /** The rows added so far. */
    List<RawRow> rows() {
        return List.copyOf(rows);
    }

    /** Writes the rows added so far as one Avro file and starts a new batch. */
    void writeAvro(Path storeRoot, String hour) {
        Path file = file(storeRoot, hour, ".avro");
        try (DataFileWriter<GenericRecord> writer =
                new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(RawRecordSchema.SCHEMA))) {
            writer.create(RawRecordSchema.SCHEMA, file.toFile());
            for (RawRow row : rows) {
                writer.append(RawRecordSchema.record(row.data(), row.coordinates()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.clear();
    }

    /** Writes the rows added so far as one JSON-lines file and starts a new batch. */
    void writeJsonLines(Path storeRoot, String hour) {
        Path file = file(storeRoot, hour, ".jsonl");
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        try {
            for (RawRow row : rows) {
                KafkaCoordinates at = row.coordinates();
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("key", at.key());
                metadata.put("offset", at.offset());
                metadata.put("partition", at.partition());
                metadata.put("time", at.timestampMillis());
                metadata.put("topic", at.topic());
                metadata.put("topic_id", at.topicId());
                lines.append(json.writeValueAsString(Map.of("data", row.data(), "metadata", metadata)))
                        .append('\n');
            }
            Files.writeString(file, lines.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.clear();
    }

    private Path file(Path storeRoot, String hour, String extension) {
        long first =
                rows.stream().mapToLong(row -> row.coordinates().offset()).min().orElse(0);
        long last =
                rows.stream().mapToLong(row -> row.coordinates().offset()).max().orElse(0);
        Path folder = storeRoot.resolve("raw_streaming").resolve("dt=" + hour);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder.resolve(TOPIC + "+" + TOPIC_ID + "+0+" + first + "-" + last + extension);
    }
}
