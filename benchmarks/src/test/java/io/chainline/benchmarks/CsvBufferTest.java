package io.chainline.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvBufferTest {

    @Test
    void writesTheBronzeColumnsAsCsvWithQuotesDoubled() throws IOException {
        CopyLimit.CsvBuffer csv = new CopyLimit.CsvBuffer(16);
        byte[] id = "0f8fad5b-d9cb-469f-a165-70867728950e".getBytes(StandardCharsets.US_ASCII);
        csv.row(
                id,
                new ConsumerRecord<>(
                        "sinks-n10",
                        2,
                        41,
                        1_764_079_200_123L,
                        TimestampType.CREATE_TIME,
                        0,
                        0,
                        "7",
                        "{\"Product Name\":\"Caf\u00e9 \\\"Deluxe\\\", 2\"}".getBytes(StandardCharsets.UTF_8),
                        new RecordHeaders(),
                        Optional.empty()));
        csv.row(id, new ConsumerRecord<>("sinks-n10", 0, 0, "", new byte[] {'{', '}'}));

        assertThat(new String(csv.input().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e,2,41,\"sinks-n10\",\"7\",2025-11-25T14:00:00.123Z,"
                        + "\"{\"\"Product Name\"\":\"\"Caf\u00e9 \\\"\"Deluxe\\\"\", 2\"\"}\"\n"
                        + "0f8fad5b-d9cb-469f-a165-70867728950e,0,0,\"sinks-n10\",\"\",,\"{}\"\n");
    }
}
