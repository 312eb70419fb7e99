package io.chainline.benchmarks;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.typesafe.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.config.ConfigLoader;
import io.chainline.core.config.ConfigSources;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.inject.CoreModule;
import io.chainline.core.kafka.ConfiguredKafkaEndpoint;
import io.chainline.core.kafka.KafkaEndpoint;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.postgres.ConfiguredPostgresEndpoint;
import io.chainline.core.postgres.PostgresEndpoint;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunContext;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageChain;
import io.chainline.core.stage.StageReport;
import io.chainline.sinks.SinksModule;
import io.chainline.sinks.consume.ConsumeRequest;
import io.chainline.sinks.consume.ConsumeStageFactory;

import static java.util.Objects.requireNonNull;

/**
 * Our side: one {@code consume --until-caught-up} run of a topic into the chosen sinks, in a fresh injector as one
 * command does it, with the shipped defaults (batches of 5,000 records, raw files as zstandard Avro) and a fresh
 * consumer group, bronze table, store folder and state directory. Only {@link StageChain#run} is timed: the
 * stage's clients are created before, as the tool's consumer is created before its clock starts.
 */
final class ConsumeRun {
    private static final Logger log = LoggerFactory.getLogger(ConsumeRun.class);

    private final String bootstrap;
    private final String jdbcUrl;
    private final Path work;
    private final List<String> extraSettings;

    ConsumeRun(String bootstrap, String jdbcUrl, Path work, List<String> extraSettings) {
        this.bootstrap = requireNonNull(bootstrap, "bootstrap is null");
        this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl is null");
        this.work = requireNonNull(work, "work is null");
        this.extraSettings = List.copyOf(requireNonNull(extraSettings, "extraSettings is null"));
    }

    /**
     * Drains {@code topic} into {@code sinks} ({@code postgres}, {@code raw} or both); {@code label} names the
     * group, table and folders. The bronze table is counted and dropped afterwards, the store folder deleted.
     *
     * @throws ChainlineException when the run fails or stores another number of rows than it consumed
     */
    TimedRows run(String topic, String label, Set<String> sinks) {
        Path state = work.resolve("state-" + label);
        Path store = work.resolve("store-" + label);
        List<String> settings = new ArrayList<>(List.of(
                "chainline.kafka.bootstrap=" + bootstrap,
                "chainline.postgres.url=" + jdbcUrl,
                "chainline.postgres.user=" + BenchTable.USER,
                "chainline.state-dir=" + state,
                "chainline.store.root=" + store.toUri(),
                "chainline.sinks.topic=" + topic,
                "chainline.sinks.dlq-topic=" + topic + ".dlq",
                "chainline.sinks.group-id=" + label,
                "chainline.sinks.postgres.table=" + label,
                "chainline.sinks.raw.codec=zstandard"));
        settings.addAll(extraSettings);
        Config config = new ConfigLoader(
                        new ConfigSources(ConsumeRun.class.getClassLoader(), Optional.empty(), Map.of(), settings))
                .load();
        Module endpoints = binder -> {
            binder.bind(KafkaEndpoint.class).to(ConfiguredKafkaEndpoint.class);
            binder.bind(PostgresEndpoint.class).to(ConfiguredPostgresEndpoint.class);
        };
        Injector injector = Guice.createInjector(new CoreModule(config), new SinksModule(), endpoints);
        RunReport report;
        Duration elapsed;
        long peak;
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        try {
            RunContext context = RunContext.of(config);
            StageChain chain = StageChain.named(
                    "consume", injector.getInstance(ConsumeStageFactory.class).create(new ConsumeRequest(true, sinks)));
            HeapPeaks.reset();
            long start = System.nanoTime();
            report = chain.run(context);
            elapsed = Duration.ofNanos(System.nanoTime() - start);
            peak = HeapPeaks.peakBytes();
        } finally {
            lifecycle.close();
        }
        if (!report.succeeded()) {
            throw new ChainlineException("The consume run '" + label + "' of topic '" + topic + "' failed: "
                    + report.failure()
                            .map(StageReport::error)
                            .orElse(report.status().toString()));
        }
        StageReport stage = report.stage("consume").orElseThrow();
        for (PartReport part : stage.parts()) {
            log.info("  sink {}: {} rows stored, {}", part.name(), part.rowsOut(), part.note());
        }
        if (sinks.contains("postgres")) {
            long stored = countAndDrop(label);
            if (stored != stage.rowsOut()) {
                throw new ChainlineException("Bronze table raw." + label + " holds " + stored + " rows, expected the "
                        + stage.rowsOut() + " records consumed");
            }
        }
        WorkFiles.deleteTree(store);
        WorkFiles.deleteTree(state);
        return new TimedRows(stage.rowsOut(), elapsed, peak);
    }

    private long countAndDrop(String table) {
        try {
            return new BenchTable(jdbcUrl, table).countAndDrop();
        } catch (SQLException e) {
            throw new ChainlineException("Cannot count and drop the bronze table raw." + table + ": " + e, e);
        }
    }
}
