package io.chainline.ingest.produce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.generator.DataCoGenerator;
import io.chainline.testkit.EmbeddedServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once from source to topic while the ingest process is killed with SIGKILL: twice while it waits inside
 * an open transaction (at different points) and once at an arbitrary moment while it runs freely; a last run
 * completes. Every row must be in the topic exactly once for read_committed readers.
 */
class IngestKillIT {
    private static final int ROWS = 5_000;

    @RegisterExtension
    static final EmbeddedServices services = EmbeddedServices.kafka();

    @TempDir
    Path dir;

    @Test
    void aCsvIngestKilledThreeTimesDeliversEveryRowExactlyOnce() throws Exception {
        Path file = dir.resolve("orders.csv");
        try (var writer = Files.newBufferedWriter(file)) {
            new DataCoGenerator(7).writeCsv(ROWS, writer);
        }
        String prefix = "kill-csv";
        List<String> source = List.of("csv", file.toString());

        String bootstrap = services.bootstrapServers();
        Path state = dir.resolve("state");
        String first = ChildIngest.run(bootstrap, state, prefix, 1_500, source, ChildIngest.whenPaused());
        String second = ChildIngest.run(bootstrap, state, prefix, 1_000, source, ChildIngest.whenPaused());
        String third = ChildIngest.run(bootstrap, state, prefix, -1, source, ChildIngest.whenRunning());
        String last = ChildIngest.run(bootstrap, state, prefix, -1, source, ChildIngest.never());

        assertThat(first).contains("PAUSED 1500");
        assertThat(second).contains("PAUSED 1000");
        assertThat(third).doesNotContain("DONE");
        assertThat(last).containsPattern("DONE \\d+ \\d+ 0 SUCCEEDED");
        assertExactlyOnce(new IngestHarness(services.bootstrapServers(), dir.resolve("state"), prefix), ROWS);
    }

    static void assertExactlyOnce(IngestHarness harness, int rows) {
        List<ConsumerRecord<String, String>> records = harness.read(harness.topic());
        Map<String, Long> perKey =
                records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perKey).hasSize(rows);
        assertThat(perKey.values()).allMatch(count -> count == 1);
        assertThat(records).hasSize(rows);
    }
}
