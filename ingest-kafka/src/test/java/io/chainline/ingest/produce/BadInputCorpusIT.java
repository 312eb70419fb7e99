package io.chainline.ingest.produce;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageReport;
import io.chainline.ingest.source.IngestRequest;
import io.chainline.testkit.Await;
import io.chainline.testkit.EmbeddedServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingests each case of the bad-input corpus ({@link BadInputCases}) into one embedded broker, each into topics of
 * its own, and checks what the case expects: every row read is sent or rejected with a reason that names its line
 * and column but none of its values, and a file that cannot be read fails alone with one line naming it.
 */
class BadInputCorpusIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final EmbeddedServices services = EmbeddedServices.kafka();

    @TempDir
    Path dir;

    static Stream<BadInputCase> cases() {
        return BadInputCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyRowReadIsSentOrRejectedWithAReasonAndABadFileFailsAloneNamingWhere(BadInputCase expected)
            throws IOException {
        IngestHarness harness = new IngestHarness(
                services.bootstrapServers(),
                dir.resolve("state"),
                "corpus-" + expected.name(),
                "chainline.ingest.partitions=1");
        Path input = expected.input().write(dir);
        IngestRequest request =
                new IngestRequest(List.of(input.toString()), expected.charset(), 0, IngestRequest.DEFAULT_SEED, false);

        RunReport report = harness.ingest(request);

        List<ConsumerRecord<String, String>> sent = readCommitted(harness, harness.topic(), expected.sent());
        List<ConsumerRecord<String, String>> letters = readCommitted(harness, harness.dlqTopic(), expected.rejected());
        if (expected.failure() == null) {
            assertThat(report.succeeded()).as(String.valueOf(report.failure())).isTrue();
            StageReport stage = report.stages().get(0);
            assertThat(stage.rowsIn()).as("rows read").isEqualTo(expected.read());
            assertThat(stage.rowsOut()).as("rows sent").isEqualTo(expected.sent());
            assertThat(stage.rowsRejected()).as("rows rejected").isEqualTo(expected.rejected());
        } else {
            assertThat(report.succeeded()).isFalse();
            String message = report.failure().orElseThrow().error();
            String prefix = "1 of 1 inputs could not be read (the others were sent: 0 rows sent, 0 rejected): ";
            assertThat(message).doesNotContain("\n").startsWith(prefix);
            String fileMessage = message.substring(prefix.length());
            assertThat(BadInputCase.matches(expected.failure().replace("{file}", input.toString()), fileMessage))
                    .as("the failure '%s' is '%s'", fileMessage, expected.failure())
                    .isTrue();
        }
        assertThat(sent).as("records in the topic").hasSize((int) expected.sent());
        assertThat(letters).as("dead letters").hasSize((int) expected.rejected());
        assertSentAsRead(sent, expected);
        assertLetters(letters, expected, input);
    }

    /**
     * The topic's committed records once there are at least {@code expected}: a transaction's commit returns before
     * its markers reach the partitions, so a read_committed reader may see its records a moment later.
     */
    private static List<ConsumerRecord<String, String>> readCommitted(
            IngestHarness harness, String topic, long expected) {
        AtomicReference<List<ConsumerRecord<String, String>>> records = new AtomicReference<>(List.of());
        Await.until(
                Duration.ofSeconds(30), "topic " + topic + " did not show " + expected + " committed records", () -> {
                    records.set(harness.read(topic));
                    return records.get().size() >= expected;
                });
        return records.get();
    }

    private static void assertSentAsRead(List<ConsumerRecord<String, String>> sent, BadInputCase expected)
            throws IOException {
        for (ConsumerRecord<String, String> record : sent) {
            assertThat(record.value())
                    .as("no value holds a replacement character")
                    .doesNotContain("\uFFFD");
            Map<String, String> row = JSON.readValue(record.value(), new TypeReference<>() {});
            assertThat(record.key())
                    .isEqualTo(row.get(DataCoColumn.ORDER_ITEM_ID.header()).trim());
        }
        if (expected.arrives() != null) {
            assertThat(sent).anySatisfy(record -> assertThat(record.value()).contains(expected.arrives()));
        }
    }

    private static void assertLetters(List<ConsumerRecord<String, String>> letters, BadInputCase expected, Path input)
            throws IOException {
        List<ConsumerRecord<String, String>> inLineOrder = letters.stream()
                .sorted(Comparator.comparingLong(r -> Long.parseLong(IngestHarness.header(r, "line"))))
                .toList();
        List<String> reasons = inLineOrder.stream()
                .map(r -> IngestHarness.header(r, "line") + ": " + IngestHarness.header(r, "reason"))
                .toList();
        assertThat(BadInputCase.allMatch(expected.letters(), reasons))
                .as("dead letters %s are %s", reasons, expected.letters())
                .isTrue();
        for (ConsumerRecord<String, String> letter : inLineOrder) {
            assertThat(IngestHarness.header(letter, "source")).startsWith(input.toString());
            DeadLetter body = JSON.readValue(letter.value(), DeadLetter.class);
            String reason = IngestHarness.header(letter, "reason");
            assertThat(body.reason()).isEqualTo(reason);
            valuesOf(body)
                    .forEach(value -> assertThat(reason)
                            .as("the reason quotes no value of the row")
                            .doesNotContain(value));
        }
    }

    /** The row's values that could be recognised in a text: five characters or more, not only digits. */
    private static Stream<String> valuesOf(DeadLetter letter) {
        Stream<String> fields =
                letter.values().isEmpty() ? Stream.of(letter.row().split(",", -1)) : letter.values().values().stream();
        return fields.map(String::strip)
                .filter(value -> value.length() >= 5)
                .filter(value -> !value.chars().allMatch(Character::isDigit))
                .filter(value -> !DataCoColumn.headers().contains(value));
    }
}
