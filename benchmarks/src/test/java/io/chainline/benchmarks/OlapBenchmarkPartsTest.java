package io.chainline.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.raw.RawRecordSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OlapBenchmarkPartsTest {

    @Test
    void theBaselineReadsRealHeadersAndWritesTheOriginalsNames() {
        Set<String> headers =
                Arrays.stream(DataCoColumn.values()).map(DataCoColumn::header).collect(Collectors.toSet());

        assertThat(OriginalBaseline.DATA_TABLES.keySet())
                .containsExactly("customer", "product", "location", "order", "shipping", "department");
        OriginalBaseline.DATA_TABLES
                .values()
                .forEach(table -> assertThat(table)
                        .allSatisfy(projection -> assertThat(headers).contains(projection.source())));
        assertThat(OriginalBaseline.DATA_TABLES.get("order"))
                .hasSize(16)
                .contains(new OriginalBaseline.Projection("order date (DateOrders)", "Order date"));
        assertThat(OriginalBaseline.DATA_TABLES.get("shipping"))
                .extracting(OriginalBaseline.Projection::name)
                .containsExactly(
                        "Shipping date",
                        "Days for shipping real",
                        "Days for shipping scheduled",
                        "Shipping Mode",
                        "Delivery Status");
        assertThat(OriginalBaseline.METADATA_FIELDS)
                .allSatisfy(field ->
                        assertThat(RawRecordSchema.METADATA.getField(field)).isNotNull());
    }

    @Test
    void rawFilesAreRotatedPerPartitionAndHourWithRealisticMetadata(@TempDir Path root) throws Exception {
        RawAvroFiles.Written written = RawAvroFiles.write(root, 1_000, 7);

        assertThat(written.rows()).isEqualTo(1_000);
        assertThat(written.files()).isEqualTo(3);
        Path folder = root.resolve("raw_streaming/dt=20261125T10");
        Path partition1 = folder.resolve("supply_chain_data+" + RawAvroFiles.TOPIC_ID + "+1+0-332.avro");
        assertThat(partition1).isRegularFile();
        try (DataFileReader<GenericRecord> reader =
                new DataFileReader<>(partition1.toFile(), new GenericDatumReader<>(RawRecordSchema.SCHEMA))) {
            GenericRecord first = reader.next();
            GenericRecord metadata = (GenericRecord) first.get("metadata");
            assertThat(metadata.get("partition")).isEqualTo(1);
            assertThat(metadata.get("offset")).isEqualTo(0L);
            assertThat(metadata.get("time")).isEqualTo(RawAvroFiles.START.toEpochMilli() + 20);
            assertThat(String.valueOf(metadata.get("key"))).isNotBlank();
            assertThat(reader.getSchema().getField("data").schema().getType()).isEqualTo(Schema.Type.MAP);
        }
    }

    @Test
    void optionsTakeOnlySparkAndSilverSettings() {
        OlapOptions options = OlapOptions.parse("--rows", "180519", "--set", "chainline.spark.master=local[2]");

        assertThat(options.rows()).containsExactly(180_519L);
        assertThat(options.settings()).containsExactly("chainline.spark.master=local[2]");
        assertThatThrownBy(() -> OlapOptions.parse("--set", "chainline.ingest.x=1"))
                .hasMessage("--set takes chainline.spark.KEY=VALUE or chainline.silver.KEY=VALUE, got"
                        + " 'chainline.ingest.x=1'");
    }

    @Test
    void theTableShowsTheRatioAndTheVerdict() {
        String table = OlapResult.render(List.of(
                new OlapResult(180_519, 6, 30 << 20, 10.0, OptionalDouble.of(8.0), ""),
                new OlapResult(1_805_190, 57, 300 << 20, 50.0, OptionalDouble.empty(), "stage not built")));

        assertThat(table)
                .contains(
                        "| 180,519 | 6 | 30.0 | 10.0 | 8.0 | 0.80 |",
                        "| 1,805,190 | 57 | 300.0 | 50.0 | - | - |",
                        "180,519 rows: TARGET MET (0.80 <= 1.0)",
                        "1,805,190 rows: ours not measured: stage not built");
    }
}
