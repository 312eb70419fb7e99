package io.chainline.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.tools.ProducerPerformance;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * Kafka's side: {@link ProducerPerformance} run in this JVM against a fresh topic with the ingest's producer
 * settings. The tool prints its results on {@code System.out}; while it runs, that stream is replaced by one that
 * keeps a copy and passes every line on to {@code System.err}, so stdout keeps only the benchmark's table. The
 * tool calls {@code Exit} only on bad arguments, never after a run.
 */
final class ToolRun {
    /** The producer settings both sides use; the tool's producer is neither keyed nor transactional. */
    static final List<String> PRODUCER_PROPS = List.of(
            "acks=all",
            "enable.idempotence=true",
            "compression.type=lz4",
            "linger.ms=20",
            "batch.size=524288",
            "buffer.memory=67108864");

    private final String bootstrap;

    ToolRun(String bootstrap) {
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
    }

    /** What one run did. */
    record Result(ToolSummary summary, long peakHeapBytes) {}

    /**
     * Creates {@code topic} and sends {@code records} values picked from {@code payloadFile} to it.
     *
     * @throws ChainlineException when the tool fails or acknowledges fewer than {@code records} records
     */
    Result run(String topic, long records, Path payloadFile) {
        Topics.create(bootstrap, topic);
        List<String> args = new ArrayList<>(List.of(
                "--topic",
                topic,
                "--num-records",
                Long.toString(records),
                "--payload-file",
                payloadFile.toString(),
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrap));
        args.addAll(PRODUCER_PROPS);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream tee = new PrintStream(new TeeOutputStream(captured, System.err), true, StandardCharsets.UTF_8);
        long peak;
        HeapPeaks.reset();
        System.setOut(tee);
        try {
            ProducerPerformance.main(args.toArray(String[]::new));
        } catch (Exception e) {
            throw new ChainlineException("ProducerPerformance on topic '" + topic + "' failed: " + e, e);
        } finally {
            peak = HeapPeaks.peakBytes();
            System.setOut(original);
            tee.flush();
        }
        ToolSummary summary = ToolSummary.parse(captured.toString(StandardCharsets.UTF_8));
        if (summary.records() != records) {
            throw new ChainlineException("ProducerPerformance on topic '" + topic + "' had " + summary.records()
                    + " records acknowledged, expected " + records + " (see the stack traces above)");
        }
        return new Result(summary, peak);
    }
}
