package io.chainline.sinks.consume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.json.Json;
import io.chainline.core.stage.ProgressListener;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageReport;
import io.chainline.testkit.Await;
import io.chainline.testkit.EmbeddedServices;

import static org.assertj.core.api.Assertions.assertThat;

/** The consume stage on a real broker, PostgreSQL and local raw files. */
class ConsumeStageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> ROW = new TypeReference<>() {};

    @RegisterExtension
    static final EmbeddedServices services = EmbeddedServices.kafka().withPostgres();

    @TempDir
    Path dir;

    private SinksHarness harness(String topic) {
        return new SinksHarness(services.bootstrapServers(), services.postgres().jdbcUrl(), dir, topic);
    }

    @Test
    void everyRowLandsOnceInPostgresAndInTheRawFilesWithItsValues() throws Exception {
        SinksHarness harness = harness("landing");
        Map<String, Map<String, String>> sent = harness.produce(0, 2_000);

        RunReport report = harness.drain();

        assertThat(report.succeeded()).as(String.valueOf(report.failure())).isTrue();
        StageReport stage = report.stages().get(0);
        assertThat(stage.rowsIn()).isEqualTo(2_000);
        assertThat(stage.rowsRejected()).isZero();
        Map<String, String> bronze = harness.bronze();
        Map<String, Map<String, String>> raw = harness.rawFiles();
        assertThat(bronze).hasSize(2_000);
        assertThat(raw).hasSize(2_000);
        assertThat(raw.keySet()).isEqualTo(bronze.keySet());
        for (String payload : bronze.values()) {
            Map<String, String> values = JSON.readValue(payload, ROW);
            assertThat(values).isEqualTo(sent.get(values.get("Order Item Id")));
        }
        for (Map<String, String> data : raw.values()) {
            assertThat(data).isEqualTo(sent.get(data.get("Order Item Id")));
        }
        assertThat(bronze.values()).anySatisfy(payload -> assertThat(payload).containsPattern("[áéíóúñ]"));
    }

    @Test
    void consumingAgainAddsNothing() throws Exception {
        SinksHarness harness = harness("again");
        harness.produce(0, 500);
        RunReport first = harness.drain();

        RunReport again = harness.drain();

        assertThat(first.succeeded()).as(String.valueOf(first.failure())).isTrue();
        assertThat(again.succeeded()).as(String.valueOf(again.failure())).isTrue();
        assertThat(again.stages().get(0).rowsIn()).isZero();
        assertThat(harness.bronze()).hasSize(500);
        assertThat(harness.rawFiles()).hasSize(500);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheRowsAfterThemAreStored() throws Exception {
        SinksHarness harness = harness("poison");
        harness.produce(0, 100);
        harness.produceRaw("p1", "not json at all".getBytes(StandardCharsets.UTF_8));
        harness.produceRaw("p2", "{\"Customer Id\":\"1\"}".getBytes(StandardCharsets.UTF_8));
        harness.produceRaw("p3", "[1,2]".getBytes(StandardCharsets.UTF_8));
        harness.produce(100, 100);

        RunReport report = harness.drain();

        StageReport stage = report.stages().get(0);
        assertThat(report.succeeded()).as(String.valueOf(report.failure())).isTrue();
        assertThat(stage.rowsIn()).isEqualTo(203);
        assertThat(stage.rowsRejected()).isEqualTo(3);
        assertThat(stage.counters()).containsEntry("dlq", 3L);
        assertThat(harness.bronze()).hasSize(200);
        assertThat(harness.rawFiles()).hasSize(200);
        List<String> letters = readAll(harness.topic() + ".dlq");
        assertThat(letters).hasSize(3);
        assertThat(letters)
                .anySatisfy(l -> assertThat(l).contains("the value is not JSON"))
                .anySatisfy(l -> assertThat(l).contains("the value has no 'Order Item Id'"))
                .anySatisfy(l -> assertThat(l).contains("the value is not a JSON object"))
                .allSatisfy(l -> assertThat(l).contains("\"topic\":\"poison\"", "\"partition\":", "\"offset\":"));
    }

    @Test
    void aValueTheBronzeTableCannotHoldIsADeadLetterWithoutItsTextAndTheRestOfTheBatchLands() throws Exception {
        SinksHarness harness = harness("unstorable");
        harness.produce(0, 50);
        Map<String, String> withNul = new DataCoGenerator(5).rows(50, 1).next().asHeaderMap();
        withNul.put("Customer Fname", "Ma\u0000riaSecret");
        Map<String, String> withSurrogate =
                new DataCoGenerator(5).rows(51, 1).next().asHeaderMap();
        withSurrogate.put("Customer Lname", "Sm\uD800ithSecret");
        harness.produceRaw(withNul.get("Order Item Id"), JSON.writeValueAsBytes(withNul));
        harness.produceRaw(withSurrogate.get("Order Item Id"), JSON.writeValueAsBytes(withSurrogate));
        Map<String, String> cesu = new DataCoGenerator(5).rows(52, 1).next().asHeaderMap();
        cesu.put("Customer Street", "CESU");
        // The pair as CESU-8: a JSON parser decodes it, PostgreSQL refuses the bytes.
        byte[] cesuValue = new String(JSON.writeValueAsBytes(cesu), StandardCharsets.UTF_8)
                .replace("CESU", "\u00ED\u00A0\u00BD\u00ED\u00B2\u00A9")
                .getBytes(StandardCharsets.ISO_8859_1);
        harness.produceRaw(cesu.get("Order Item Id"), cesuValue);
        harness.produce(53, 50);

        RunReport report = harness.drain();

        assertThat(report.succeeded()).as(String.valueOf(report.failure())).isTrue();
        StageReport stage = report.stages().get(0);
        assertThat(stage.rowsIn()).isEqualTo(103);
        assertThat(stage.rowsOut()).isEqualTo(100);
        assertThat(stage.rowsRejected()).isEqualTo(3);
        assertThat(stage.counters()).containsEntry("dlq", 3L);
        Map<String, String> bronze = harness.bronze();
        Map<String, Map<String, String>> raw = harness.rawFiles();
        assertThat(bronze).hasSize(100);
        assertThat(raw.keySet()).isEqualTo(bronze.keySet());
        assertThat(raw.values())
                .extracting(data -> data.get("Order Item Id"))
                .doesNotContain(
                        withNul.get("Order Item Id"), withSurrogate.get("Order Item Id"), cesu.get("Order Item Id"));
        List<Map<String, Object>> letters = readAll(harness.topic() + ".dlq").stream()
                .map(ConsumeStageIT::letter)
                .toList();
        assertThat(letters).hasSize(3);
        assertThat(letters)
                .extracting(letter -> String.valueOf(letter.get("reason")))
                .anySatisfy(reason -> assertThat(reason).contains("'Customer Fname'", "U+0000"))
                .anySatisfy(reason -> assertThat(reason).contains("'Customer Lname'", "surrogate", "U+D800"))
                .anySatisfy(reason -> assertThat(reason).startsWith("the value is not UTF-8 text: byte "))
                .allSatisfy(reason -> assertThat(reason).doesNotContain("Secret"));
        assertThat(letters)
                .filteredOn(letter -> !String.valueOf(letter.get("reason")).contains("UTF-8"))
                .extracting(letter -> row(String.valueOf(letter.get("value"))))
                .containsExactlyInAnyOrder(withNul, withSurrogate);
        assertThat(Json.reportMapper().writeValueAsString(report)).doesNotContain("Secret");
    }

    @Test
    void aConsumeAlongsideItsProducerDrainsWhatWasSentUntilTheProducerIsDone() throws Exception {
        SinksHarness harness = harness("alongside");
        harness.produce(0, 300);
        CompletableFuture<Void> producerDone = new CompletableFuture<>();
        List<Long> progress = new CopyOnWriteArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(String stage, long done, long total, String unit) {
                progress.add(done);
            }
        };

        CompletableFuture<RunReport> consume =
                CompletableFuture.supplyAsync(() -> harness.consume(ConsumeRequest.drainAfter(producerDone), listener));
        Await.until(
                Duration.ofSeconds(60),
                "the first rows consumed",
                () -> progress.stream().anyMatch(n -> n >= 300));
        harness.produce(300, 700);
        assertThat(consume).as("still consuming while the producer is not done").isNotDone();
        producerDone.complete(null);

        RunReport report = consume.get(60, TimeUnit.SECONDS);
        assertThat(report.succeeded()).as(String.valueOf(report.failure())).isTrue();
        assertThat(report.stages().get(0).rowsIn()).isEqualTo(1_000);
        assertThat(harness.bronze()).hasSize(1_000);
        assertThat(harness.rawFiles()).hasSize(1_000);
    }

    @Test
    void twoConsumersInOneGroupSplitThePartitionsAndLandEveryRowOnce() throws Exception {
        SinksHarness harness = harness("pair");
        harness.produce(0, 3_000);

        CompletableFuture<RunReport> first = CompletableFuture.supplyAsync(harness::drain);
        CompletableFuture<RunReport> second = CompletableFuture.supplyAsync(harness::drain);

        assertThat(first.get().succeeded()).isTrue();
        assertThat(second.get().succeeded()).isTrue();
        assertThat(harness.bronze()).hasSize(3_000);
        assertThat(harness.rawFiles()).hasSize(3_000);
    }

    private static Map<String, String> row(String json) {
        try {
            return JSON.readValue(json, ROW);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> letter(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readAll(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, services.bootstrapServers());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("read %s within 60 s", topic).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
