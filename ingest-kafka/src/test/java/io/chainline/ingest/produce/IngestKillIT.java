package io.chainline.ingest.produce;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.service.JavaCommand;
import io.chainline.embedded.kafka.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once from source to topic while the ingest process is killed with SIGKILL: twice while it waits inside
 * an open transaction (at different points) and once at an arbitrary moment while it runs freely; a last run
 * completes. Every row must be in the topic exactly once for read_committed readers.
 */
class IngestKillIT {
    private static final int ROWS = 5_000;

    @TempDir
    static Path brokerDir;
    private static EmbeddedKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(brokerDir.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    /** Runs the ingest in a child JVM until it prints a line {@code until} accepts, then SIGKILLs it. */
    private String runChild(List<String> source, String prefix, long pauseAt, Function<String, Boolean> killWhen)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(kafka.bootstrapServers(), dir.resolve("state").toString(), prefix,
                Long.toString(pauseAt)));
        args.addAll(source);
        Process child = new ProcessBuilder(JavaCommand.forMainClass(IngestProcessMain.class.getName(), args))
                .redirectError(dir.resolve(prefix + "-child.log").toFile()).start();
        StringWriter seen = new StringWriter();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                seen.append(line).append('\n');
                if (killWhen != null && killWhen.apply(line)) {
                    child.destroyForcibly();
                    break;
                }
            }
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child ended").isTrue();
        return seen.toString();
    }

    @Test
    void aCsvIngestKilledThreeTimesDeliversEveryRowExactlyOnce() throws Exception {
        Path file = dir.resolve("orders.csv");
        try (var writer = Files.newBufferedWriter(file)) {
            new DataCoGenerator(7).writeCsv(ROWS, writer);
        }
        String prefix = "kill-csv";
        List<String> source = List.of("csv", file.toString());

        String first = runChild(source, prefix, 1_500, line -> line.startsWith("PAUSED"));
        String second = runChild(source, prefix, 1_000, line -> line.startsWith("PAUSED"));
        String third = runChild(source, prefix, -1, line -> line.startsWith("PROGRESS") && !line.equals("PROGRESS 0"));
        String last = runChild(source, prefix, -1, null);

        assertThat(first).contains("PAUSED 1500");
        assertThat(second).contains("PAUSED 1000");
        assertThat(third).doesNotContain("DONE");
        assertThat(last).containsPattern("DONE \\d+ \\d+ 0 SUCCEEDED");
        assertExactlyOnce(new IngestHarness(kafka.bootstrapServers(), dir.resolve("state"), prefix), ROWS);
    }

    static void assertExactlyOnce(IngestHarness harness, int rows) {
        List<ConsumerRecord<String, String>> records = harness.read(harness.topic());
        Map<String, Long> perKey = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.counting()));
        assertThat(perKey).hasSize(rows);
        assertThat(perKey.values()).allMatch(count -> count == 1);
        assertThat(records).hasSize(rows);
    }
}
