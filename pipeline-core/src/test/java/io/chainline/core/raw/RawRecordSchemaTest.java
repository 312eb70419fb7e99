package io.chainline.core.raw;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RawRecordSchemaTest {

    @Test
    void hasTheDataMapAndTheKafkaCoordinates() {
        assertThat(RawRecordSchema.SCHEMA.getFullName()).isEqualTo("io.chainline.raw.RawRecord");
        assertThat(RawRecordSchema.SCHEMA.getFields()).extracting(f -> f.name()).containsExactly("data", "metadata");
        assertThat(RawRecordSchema.METADATA.getFields())
                .extracting(f -> f.name())
                .containsExactly("key", "offset", "partition", "time", "topic", "topic_id");
    }

    @Test
    void aRecordSurvivesAnAvroContainerFile() throws IOException {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("Customer Id", "20755");
        data.put("Order Country", "Japón");
        data.put("Order Zipcode", "");
        GenericRecord record = RawRecordSchema.record(
                data, new KafkaCoordinates("supply_chain_data", "q1w2e3", 2, 41, 1_764_072_000_000L, "180517"));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> writer =
                new DataFileWriter<>(new GenericDatumWriter<>(RawRecordSchema.SCHEMA))) {
            writer.create(RawRecordSchema.SCHEMA, bytes);
            writer.append(record);
        }
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(
                new SeekableByteArrayInput(bytes.toByteArray()), new GenericDatumReader<>(RawRecordSchema.SCHEMA))) {
            GenericRecord back = reader.next();
            Map<?, ?> backData = (Map<?, ?>) back.get("data");
            assertThat(backData.entrySet()).hasSize(3);
            assertThat(backData.get(new org.apache.avro.util.Utf8("Order Country"))
                            .toString())
                    .isEqualTo("Japón");
            GenericRecord metadata = (GenericRecord) back.get("metadata");
            assertThat(metadata.get("offset")).isEqualTo(41L);
            assertThat(metadata.get("partition")).isEqualTo(2);
            assertThat(metadata.get("topic_id").toString()).isEqualTo("q1w2e3");
            assertThat(metadata.get("key").toString()).isEqualTo("180517");
        }
    }
}
