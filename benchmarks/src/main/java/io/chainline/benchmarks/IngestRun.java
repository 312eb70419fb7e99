package io.chainline.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.typesafe.config.Config;

import io.chainline.core.config.ConfigLoader;
import io.chainline.core.config.ConfigSources;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.inject.CoreModule;
import io.chainline.core.kafka.ConfiguredKafkaEndpoint;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.stage.RunContext;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageChain;
import io.chainline.core.stage.StageReport;
import io.chainline.ingest.IngestModule;
import io.chainline.ingest.produce.IngestStageFactory;
import io.chainline.ingest.source.IngestRequest;

import static java.util.Objects.requireNonNull;

/**
 * Our side: one {@code stream-data} run of a CSV file into a fresh topic, with the ingest's default producer
 * settings (transactions of 5,000 rows, lz4, linger 20 ms, batch 512 KiB, 3 partitions) and a fresh injector, as
 * one {@code chainline ingest} command does it ({@code --set} may change them for experiments). Only {@link StageChain#run} is timed: creating the topics and
 * the transactional producer happens before, as the tool's producer is created before its clock starts.
 */
final class IngestRun {
    private final String bootstrap;
    private final Path stateDir;
    private final List<String> extraSettings;

    IngestRun(String bootstrap, Path stateDir, List<String> extraSettings) {
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
        this.stateDir = requireNonNull(stateDir, "stateDir is null");
        this.extraSettings = List.copyOf(requireNonNull(extraSettings, "extraSettings is null"));
    }

    /** What one run did. */
    record Result(long rowsSent, long rowsRejected, Duration elapsed, long peakHeapBytes) {}

    /**
     * Sends every row of {@code csv} to {@code topic} (with {@code topic.dlq} and {@code topic.positions} beside it).
     *
     * @throws ChainlineException when the run fails
     */
    Result run(Path csv, String topic) {
        List<String> settings = new ArrayList<>(List.of(
                "chainline.kafka.bootstrap=" + bootstrap,
                "chainline.state-dir=" + stateDir,
                "chainline.ingest.topic=" + topic,
                "chainline.ingest.dlq-topic=" + topic + ".dlq",
                "chainline.ingest.positions-topic=" + topic + ".positions",
                "chainline.ingest.transactional-id=" + topic + "-tx",
                "chainline.ingest.partitions=" + Topics.PARTITIONS));
        settings.addAll(extraSettings);
        Config config = new ConfigLoader(
                        new ConfigSources(IngestRun.class.getClassLoader(), Optional.empty(), Map.of(), settings))
                .load();
        Injector injector = Guice.createInjector(
                new CoreModule(config),
                new IngestModule(),
                binder -> binder.bind(KafkaEndpoint.class).to(ConfiguredKafkaEndpoint.class));
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        try {
            RunContext context = RunContext.of(config);
            StageChain chain = StageChain.named(
                    "stream-data",
                    injector.getInstance(IngestStageFactory.class)
                            .create(IngestRequest.csv(csv.toString()), context.runId()));
            HeapPeaks.reset();
            long start = System.nanoTime();
            RunReport report = chain.run(context);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            long peak = HeapPeaks.peakBytes();
            if (!report.succeeded()) {
                throw new ChainlineException("The ingest of " + csv + " into topic '" + topic + "' failed: "
                        + report.failure()
                                .map(StageReport::error)
                                .orElse(report.status().toString()));
            }
            StageReport stage = report.stage("stream-data").orElseThrow();
            return new Result(stage.rowsOut(), stage.rowsRejected(), elapsed, peak);
        } finally {
            lifecycle.close();
        }
    }
}
