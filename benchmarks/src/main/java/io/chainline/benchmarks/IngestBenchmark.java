package io.chainline.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.generator.DataCoGenerator;
import io.chainline.embedded.kafka.EmbeddedKafka;

import static java.util.Objects.requireNonNull;

/**
 * Measures the CSV ingest against Kafka's own {@code ProducerPerformance} on one in-process broker. For each row
 * count it writes a generated DataCo CSV file, warms both sides up with a small run, ingests the file into a fresh
 * topic, builds the tool's payload file from the values our ingest wrote and lets the tool send as many records
 * to another fresh topic with the same producer settings. It prints a Markdown table of both rates, their ratio and
 * the peak heap on stdout (progress goes to stderr) and exits 0 whether or not the target ratio is met.
 *
 * <p>Usage: {@code IngestBenchmark [--rows N[,N...]]... [--dir PATH] [--keep] [--seed S] [--warmup-rows N] [--set chainline.ingest.KEY=VALUE]...}; see
 * docs/benchmarks.md.
 */
public final class IngestBenchmark {
    private static final Logger log = LoggerFactory.getLogger(IngestBenchmark.class);
    /**
     * The tool (3.9) reads its whole payload file into one array and then one string, so it cannot take the 10x
     * values (over 2 GiB); it picks payloads at random anyway, so it gets at most the dataset's row count of them.
     */
    static final long MAX_PAYLOAD_LINES = DataCoGenerator.DATASET_ROW_COUNT;

    private final BenchmarkOptions options;

    IngestBenchmark(BenchmarkOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    /**
     * Runs the benchmark; see the class comment and docs/benchmarks.md for the arguments.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        List<SizeResult> results = new IngestBenchmark(options).run();
        out.print(ResultTable.render(results));
        out.println("The tool sends values only (no keys, no headers, no transactions) picked at random from its"
                + " payload file, and reads, parses and validates no CSV; ours does all of that.");
        out.flush();
    }

    /** Runs every requested size in a work directory of its own, deleted at the end unless {@code --keep}. */
    List<SizeResult> run() {
        Path work = workDirectory();
        log.info("Work directory {}; {}", work, ResultTable.machine());
        List<SizeResult> results = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"))) {
            String bootstrap = kafka.bootstrapServers();
            IngestRun ours = new IngestRun(bootstrap, work.resolve("state"), options.ingestSettings());
            ToolRun tool = new ToolRun(bootstrap);
            Path warmCsv = writeCsv(work.resolve("warmup.csv"), options.warmupRows());
            for (long rows : options.rows()) {
                String prefix = "bench-" + rows + "-";
                log.info("Warming up with {} rows", options.warmupRows());
                measure(ours, tool, bootstrap, work, warmCsv, options.warmupRows(), prefix + "warmup");
                Path csv = writeCsv(work.resolve("dataco-" + rows + ".csv"), rows);
                SizeResult result = measure(ours, tool, bootstrap, work, csv, rows, prefix + "run");
                log.info(
                        "{} rows: ours {} rows/s, tool {} rows/s, ratio {}",
                        rows,
                        Math.round(result.oursRowsPerSecond()),
                        Math.round(result.tool().summary().recordsPerSecond()),
                        String.format("%.2f", result.ratio()));
                results.add(result);
                Files.deleteIfExists(csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Benchmark work directory " + work + ": " + e.getMessage(), e);
        } finally {
            if (options.keep()) {
                log.info("Kept the work directory {}", work);
            } else {
                deleteTree(work);
            }
        }
        return results;
    }

    private SizeResult measure(
            IngestRun ours, ToolRun tool, String bootstrap, Path work, Path csv, long rows, String topicPrefix) {
        log.info("Ingesting {} ({} rows) into {}", csv.getFileName(), rows, topicPrefix + "-ours");
        IngestRun.Result oursResult = ours.run(csv, topicPrefix + "-ours");
        if (oursResult.rowsSent() + oursResult.rowsRejected() != rows) {
            throw new ChainlineException("The ingest of " + csv + " sent " + oursResult.rowsSent() + " and rejected "
                    + oursResult.rowsRejected() + " rows, expected " + rows + " rows in all");
        }
        Path payload = work.resolve(topicPrefix + "-payload.jsonl");
        PayloadFile.Stats stats =
                PayloadFile.write(bootstrap, topicPrefix + "-ours", payload, Math.min(rows, MAX_PAYLOAD_LINES));
        if (stats.records() != oursResult.rowsSent()) {
            throw new ChainlineException("Topic " + topicPrefix + "-ours holds " + stats.records()
                    + " committed records, expected the " + oursResult.rowsSent() + " rows the ingest sent");
        }
        log.info(
                "Running ProducerPerformance: {} records from {} payload lines into {}",
                rows,
                stats.lines(),
                topicPrefix + "-tool");
        ToolRun.Result toolResult = tool.run(topicPrefix + "-tool", rows, payload);
        try {
            Files.deleteIfExists(payload);
        } catch (IOException e) {
            log.warn("Cannot delete the payload file {}: {}", payload, e.toString());
        }
        return new SizeResult(rows, stats.valueBytes(), stats.lines(), oursResult, toolResult);
    }

    private Path writeCsv(Path file, long rows) throws IOException {
        long start = System.nanoTime();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new DataCoGenerator(options.seed()).writeCsv(rows, out);
        }
        log.info(
                "Wrote {} ({} rows, {} MB) in {} ms",
                file.getFileName(),
                rows,
                Files.size(file) >> 20,
                (System.nanoTime() - start) / 1_000_000);
        return file;
    }

    private Path workDirectory() {
        try {
            if (options.dir().isPresent()) {
                Files.createDirectories(options.dir().get());
                return Files.createTempDirectory(options.dir().get(), "ingest-benchmark-");
            }
            return Files.createTempDirectory("ingest-benchmark-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the benchmark work directory: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Cannot delete the work directory {}: {}", root, e.toString());
        }
    }
}
