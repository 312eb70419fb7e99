package io.chainline.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.ConsumerPerformance;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * The read limit: Kafka's {@link ConsumerPerformance} run in this JVM on a topic with a fresh group. Its stdout is
 * teed to stderr and a buffer, and its result line parsed. On an error the tool calls {@link Exit#exit}; while it
 * runs, Kafka's exit procedure throws instead of ending the JVM.
 */
final class ConsumerPerfRun {
    private final String bootstrap;

    ConsumerPerfRun(String bootstrap) {
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
    }

    /** What one run did. */
    record Result(ConsumerPerfSummary summary, long peakHeapBytes) {}

    /**
     * Reads {@code messages} records of {@code topic} from its start in the consumer group {@code group}.
     *
     * @throws ChainlineException when the tool fails or reads fewer than {@code messages} records
     */
    Result run(String topic, String group, long messages) {
        requireNonNull(topic, "topic is null");
        requireNonNull(group, "group is null");
        String[] args = {
            "--bootstrap-server",
            bootstrap,
            "--topic",
            topic,
            "--messages",
            Long.toString(messages),
            "--group",
            group,
            "--timeout",
            "60000"
        };
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        PrintStream tee = new PrintStream(new TeeOutputStream(captured, System.err), true, StandardCharsets.UTF_8);
        long peak;
        HeapPeaks.reset();
        System.setOut(tee);
        Exit.setExitProcedure((code, message) -> {
            throw new ChainlineException("ConsumerPerformance on topic '" + topic + "' exited with status " + code
                    + (message == null ? "" : ": " + message));
        });
        try {
            ConsumerPerformance.main(args);
        } finally {
            peak = HeapPeaks.peakBytes();
            Exit.resetExitProcedure();
            System.setOut(original);
            tee.flush();
        }
        ConsumerPerfSummary summary = ConsumerPerfSummary.parse(captured.toString(StandardCharsets.UTF_8));
        if (summary.messages() != messages) {
            throw new ChainlineException("ConsumerPerformance on topic '" + topic + "' read " + summary.messages()
                    + " records, expected " + messages);
        }
        return new Result(summary, peak);
    }
}
