package io.chainline.ingest.produce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.raw.TopicOffsets;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageReport;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.testkit.EmbeddedServices;

import static org.assertj.core.api.Assertions.assertThat;

/** The stream-data stage against a real broker, read back with a plain read_committed consumer. */
class IngestStageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> ROW = new TypeReference<>() {};

    @RegisterExtension
    static final EmbeddedServices services = EmbeddedServices.kafka();

    @TempDir
    Path dir;

    private IngestHarness harness(String prefix) {
        return new IngestHarness(services.bootstrapServers(), dir.resolve("state"), prefix);
    }

    private static List<String> sampleLines() throws IOException {
        try (var in = IngestStageIT.class.getResourceAsStream("/dataco/dataco-sample.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private Path write(String name, List<String> lines, String newline, java.nio.charset.Charset charset)
            throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join(newline, lines) + newline, charset);
        return file;
    }

    private static void assertArrivedAsInTheFile(List<ConsumerRecord<String, String>> records, List<String> lines)
            throws IOException {
        String[] headers = lines.get(0).split(",", -1);
        Map<String, Map<String, String>> byKey = new java.util.HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            byKey.put(record.key(), JSON.readValue(record.value(), ROW));
        }
        assertThat(byKey).hasSize(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            Map<String, String> expected = new java.util.LinkedHashMap<>();
            for (int i = 0; i < headers.length; i++) {
                expected.put(headers[i], fields[i]);
            }
            Map<String, String> actual = byKey.get(fields[33].trim());
            assertThat(actual).as("row with Order Item Id %s", fields[33]).containsExactlyEntriesOf(expected);
        }
    }

    @Test
    void theSampleArrivesWithEveryValueAsInTheFile() throws IOException {
        IngestHarness harness = harness("sample");
        List<String> lines = sampleLines();
        Path file = write("sample.csv", lines, "\n", StandardCharsets.UTF_8);

        RunReport report = harness.ingest(IngestRequest.csv(file.toString()));

        assertThat(report.succeeded()).as(String.valueOf(report.failure())).isTrue();
        StageReport stage = report.stages().get(0);
        assertThat(stage.rowsIn()).isEqualTo(62);
        assertThat(stage.rowsOut()).isEqualTo(62);
        assertThat(stage.rowsRejected()).isZero();
        List<ConsumerRecord<String, String>> records = harness.read(harness.topic());
        assertArrivedAsInTheFile(records, lines);
        assertThat(records).allSatisfy(record -> {
            assertThat(IngestHarness.header(record, "source")).isEqualTo(file.toString());
            assertThat(IngestHarness.header(record, "ingest_run")).isEqualTo(report.runId());
            assertThat(Long.parseLong(IngestHarness.header(record, "line"))).isBetween(2L, 63L);
        });
        assertThat(records).anySatisfy(record -> assertThat(record.value()).contains("Rajastán"));
        TopicOffsets produced = harness.lastState().get(IngestStage.PRODUCED).orElseThrow();
        assertThat(produced.topic()).isEqualTo(harness.topic());
        assertThat(produced.records()).isEqualTo(62);
        assertThat(records)
                .allSatisfy(record -> assertThat(
                                produced.range(record.partition()).orElseThrow().contains(record.offset()))
                        .isTrue());
        assertThat(produced.ranges())
                .allSatisfy(range -> assertThat(range.records())
                        .isEqualTo(records.stream()
                                .filter(record -> record.partition() == range.partition())
                                .count()));
    }

    /** Header, sample rows 1 to 10, a row whose description has {@code size} characters, sample rows 11 to 20. */
    private Path withHugeRow(String name, int size) throws IOException {
        List<String> lines = sampleLines();
        String[] fields = lines.get(21).split(",", -1);
        fields[DataCoColumn.PRODUCT_DESCRIPTION.ordinal()] = "d".repeat(size);
        List<String> file = new ArrayList<>(lines.subList(0, 11));
        file.add(String.join(",", fields));
        file.addAll(lines.subList(11, 21));
        return write(name, file, "\n", StandardCharsets.UTF_8);
    }

    @Test
    void aRowLongerThanTheRowSizeLimitIsRejectedNamingItAndEveryOtherRowIsSent() throws IOException {
        IngestHarness harness = harness("oversized");
        Path file = withHugeRow("oversized.csv", 1_200_000);

        RunReport report = harness.ingest(IngestRequest.csv(file.toString()));

        assertThat(report.succeeded()).as(String.valueOf(report.failure())).isTrue();
        StageReport stage = report.stages().get(0);
        assertThat(stage.rowsIn()).isEqualTo(21);
        assertThat(stage.rowsOut()).isEqualTo(20);
        assertThat(stage.rowsRejected()).isEqualTo(1);
        assertThat(harness.read(harness.topic())).hasSize(20);
        assertThat(harness.read(harness.dlqTopic())).singleElement().satisfies(letter -> {
            assertThat(IngestHarness.header(letter, "reason"))
                    .startsWith("has more than 131072 characters, the limit" + " 'chainline.ingest.csv.max-row-size'");
            assertThat(IngestHarness.header(letter, "line")).isEqualTo("12");
            assertThat(letter.value().length()).isLessThan(4096);
        });
    }

    @Test
    void aRowLargerThanTheProducersRequestSizeIsRejectedInsteadOfFailingTheTransaction() throws IOException {
        IngestHarness harness = new IngestHarness(
                services.bootstrapServers(),
                dir.resolve("state"),
                "too-large",
                "chainline.ingest.csv.max-row-size=8MiB");
        Path file = withHugeRow("too-large.csv", 1_200_000);

        RunReport report = harness.ingest(IngestRequest.csv(file.toString()));

        assertThat(report.succeeded()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.stages().get(0).rowsOut()).isEqualTo(20);
        assertThat(report.stages().get(0).rowsRejected()).isEqualTo(1);
        assertThat(harness.read(harness.topic())).hasSize(20);
        assertThat(harness.read(harness.dlqTopic())).singleElement().satisfies(letter -> {
            assertThat(IngestHarness.header(letter, "reason"))
                    .matches("is \\d+ bytes as a Kafka record, more than the producer sends:"
                            + " max.request.size is 1048576 bytes, 1024 of them kept for framing");
            assertThat(letter.value().length()).isLessThan(4096);
        });
        assertThat(harness.ingest(IngestRequest.csv(file.toString()))
                        .stages()
                        .get(0)
                        .rowsIn())
                .as("the file is complete")
                .isZero();
    }

    @Test
    void aNulCharacterInAValueIsARejectWithItsLineAndNotItsText() throws IOException {
        IngestHarness harness = harness("nul");
        List<String> lines = new ArrayList<>(sampleLines().subList(0, 11));
        String[] fields = lines.get(5).split(",", -1);
        fields[DataCoColumn.CUSTOMER_FNAME.ordinal()] = "Ma\u0000riaSecret";
        lines.set(5, String.join(",", fields));
        Path file = write("nul.csv", lines, "\n", StandardCharsets.UTF_8);

        RunReport report = harness.ingest(IngestRequest.csv(file.toString()));

        assertThat(report.succeeded()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.stages().get(0).rowsIn()).isEqualTo(10);
        assertThat(report.stages().get(0).rowsOut()).isEqualTo(9);
        assertThat(report.stages().get(0).rowsRejected()).isEqualTo(1);
        assertThat(harness.read(harness.topic()))
                .hasSize(9)
                .noneSatisfy(r -> assertThat(r.value()).contains("Secret"));
        assertThat(harness.read(harness.dlqTopic())).singleElement().satisfies(letter -> {
            assertThat(IngestHarness.header(letter, "reason"))
                    .isEqualTo("column 'Customer Fname' holds a NUL character (U+0000), which no sink can" + " store");
            assertThat(IngestHarness.header(letter, "line")).isEqualTo("6");
        });
    }

    @Test
    void latin1AndCrlfCopiesArriveAsTheSameUnicode() throws IOException {
        IngestHarness harness = harness("encodings");
        List<String> lines = sampleLines();
        Path latin1 = write("latin1.csv", lines, "\n", StandardCharsets.ISO_8859_1);
        Path crlf = write("crlf.csv", lines, "\r\n", StandardCharsets.UTF_8);

        harness.ingest(IngestRequest.csv(latin1.toString()));
        List<ConsumerRecord<String, String>> fromLatin1 = harness.read(harness.topic());
        assertArrivedAsInTheFile(fromLatin1, lines);

        IngestHarness second = harness("encodings-crlf");
        second.ingest(IngestRequest.csv(crlf.toString()));
        assertArrivedAsInTheFile(second.read(second.topic()), lines);
    }

    @Test
    void badRowsGoToTheDeadLetterTopicWithReasonsAndCountsReconcile() throws IOException {
        IngestHarness harness = harness("mixed");
        List<String> lines = new ArrayList<>(sampleLines().subList(0, 11));
        String good = lines.get(1);
        String[] fields = good.split(",", -1);
        lines.add(replace(fields, 36, "two", 900001));
        lines.add(replace(fields, 28, "31/31/2018 10:00", 900002));
        lines.add(replace(fields, 33, "", 0));
        lines.add(String.join(",", java.util.Arrays.copyOf(fields, 52)));
        lines.add(replace(fields, 22, "95.5", 900005));
        Path file = write("mixed.csv", lines, "\n", StandardCharsets.UTF_8);

        RunReport report = harness.ingest(IngestRequest.csv(file.toString()));

        StageReport stage = report.stages().get(0);
        assertThat(report.succeeded()).isTrue();
        assertThat(stage.rowsIn()).isEqualTo(15);
        assertThat(stage.rowsOut()).isEqualTo(10);
        assertThat(stage.rowsRejected()).isEqualTo(5);
        assertThat(stage.rowsIn()).isEqualTo(stage.rowsOut() + stage.rowsRejected());
        assertThat(harness.read(harness.topic())).hasSize(10);
        List<ConsumerRecord<String, String>> dead = harness.read(harness.dlqTopic());
        assertThat(dead).hasSize(5);
        assertThat(dead)
                .extracting(r -> IngestHarness.header(r, "reason"))
                .containsExactlyInAnyOrder(
                        "Column 'Order Item Quantity' is not an integer",
                        "Column 'order date (DateOrders)' is not a valid date: month must be 1 to 12",
                        "Column 'Order Item Id' is required but empty",
                        "has 52 fields, the header has 53",
                        "Column 'Latitude' is outside [-90, 90]");
        Map<String, Object> letter = JSON.readValue(dead.get(0).value(), new TypeReference<>() {});
        assertThat(letter).containsKeys("reason", "source", "line", "ingestRun", "row", "values");
        Path rejects = dir.resolve("state/rejects/" + report.runId() + ".jsonl");
        assertThat(Files.readAllLines(rejects)).hasSize(5);
        assertThat(stage.warnings()).singleElement().asString().contains("5 rows rejected");
    }

    private static String replace(String[] fields, int index, String value, int orderItemId) {
        String[] copy = fields.clone();
        copy[index] = value;
        if (orderItemId > 0) {
            copy[33] = Integer.toString(orderItemId);
        }
        return String.join(",", copy);
    }

    @Test
    void aSecondIngestOfTheSameFileSendsNothingAndSaysSo() throws IOException {
        IngestHarness harness = harness("twice");
        Path file = write("twice.csv", sampleLines(), "\n", StandardCharsets.UTF_8);
        Path renamedCopy = write("renamed.csv", sampleLines(), "\n", StandardCharsets.UTF_8);

        harness.ingest(IngestRequest.csv(file.toString()));
        RunReport again = harness.ingest(IngestRequest.csv(renamedCopy.toString()));

        assertThat(again.succeeded()).isTrue();
        StageReport stage = again.stages().get(0);
        assertThat(stage.rowsIn()).isZero();
        assertThat(stage.counters()).containsEntry("inputs-skipped", 1L);
        assertThat(stage.parts().get(0).note()).startsWith("already ingested completely (62 rows read, 62 sent");
        assertThat(harness.read(harness.topic())).hasSize(62);
    }

    @Test
    void aFileLackingColumnsIsRejectedWholeAndTheOthersAreSent() throws IOException {
        IngestHarness harness = harness("partial");
        List<String> lines = sampleLines();
        Path good = write("good.csv", lines, "\n", StandardCharsets.UTF_8);
        Path bad = write("bad.csv", List.of("Type,Sales", "DEBIT,1"), "\n", StandardCharsets.UTF_8);

        RunReport report = harness.ingest(IngestRequest.csv(bad.toString(), good.toString()));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.failure().orElseThrow().error())
                .startsWith(
                        "1 of 2 inputs could not be read" + " (the others were sent: 62 rows sent, 0 rejected): File "
                                + bad + " lacks required columns in its header on line 1: [");
        assertThat(harness.read(harness.topic())).hasSize(62);
    }
}
