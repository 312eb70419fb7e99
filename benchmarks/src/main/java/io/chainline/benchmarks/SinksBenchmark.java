package io.chainline.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.embedded.kafka.EmbeddedKafka;
import io.chainline.embedded.postgres.EmbeddedPostgres;

import static java.util.Objects.requireNonNull;

/**
 * Measures the consume stage's sinks on one in-process broker and one embedded PostgreSQL. For each row count it
 * fills a fresh topic with generated rows (not timed) and then, on that topic and that database: a) the bronze
 * sink alone, b) the raw sink alone (zstandard Avro), c) both sinks, d) the limit, a plain {@code COPY} of the same
 * rows, e) the baseline, batched JDBC inserts of the same rows, and f) the read limit, Kafka's
 * {@code ConsumerPerformance}. It prints Markdown tables of the rates, ratios and peak heaps on stdout (progress
 * goes to stderr) and one verdict per target, and exits 0 whether or not the targets are met.
 *
 * <p>Usage: {@code SinksBenchmark [--rows N[,N...]]... [--dir PATH] [--keep] [--seed S] [--warmup-rows N]
 * [--set chainline.sinks.KEY=VALUE]...}; see docs/benchmarks.md.
 */
public final class SinksBenchmark {
    private static final Logger log = LoggerFactory.getLogger(SinksBenchmark.class);

    private final SinksOptions options;

    SinksBenchmark(SinksOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    /**
     * Runs the benchmark; see the class comment and docs/benchmarks.md for the arguments.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        SinksOptions options;
        try {
            options = SinksOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        List<SinksResult> results = new SinksBenchmark(options).run();
        out.print(SinksResultTable.render(results));
        out.flush();
    }

    /** Runs the warm-up and every requested size in a work directory deleted at the end unless {@code --keep}. */
    List<SinksResult> run() {
        Path work = WorkFiles.createDirectory(options.dir(), "sinks-benchmark-");
        log.info("Work directory {}; {}", work, ResultTable.machine());
        List<SinksResult> results = new ArrayList<>();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"));
                EmbeddedPostgres postgres = EmbeddedPostgres.start(work.resolve("postgres"))) {
            Measurements measurements = new Measurements(kafka.bootstrapServers(), postgres.jdbcUrl(), work);
            if (options.warmupRows() > 0) {
                log.info("Warming up with {} rows", options.warmupRows());
                measurements.all("warmup", options.warmupRows());
            }
            for (long rows : options.rows()) {
                SinksResult result = measurements.all("n" + rows, rows);
                log.info(
                        "{} rows: bronze {} rows/s, raw {}, both {}, COPY {}, batch insert {}, ConsumerPerformance {}",
                        rows,
                        rate(result.bronze()),
                        rate(result.raw()),
                        rate(result.both()),
                        rate(result.copy()),
                        rate(result.insert()),
                        Math.round(result.tool().summary().messagesPerSecond()));
                results.add(result);
            }
        } finally {
            if (options.keep()) {
                log.info("Kept the work directory {}", work);
            } else {
                WorkFiles.deleteTree(work);
            }
        }
        return results;
    }

    private static String rate(TimedRows run) {
        return String.format(Locale.ROOT, "%,.0f", run.rowsPerSecond());
    }

    /** The six measurements of one size, each into a fresh table, group or store folder. */
    private final class Measurements {
        private final TopicFiller filler;
        private final ConsumeRun consume;
        private final CopyLimit copy;
        private final BatchInsertBaseline insert;
        private final ConsumerPerfRun tool;
        private final String jdbcUrl;

        Measurements(String bootstrap, String jdbcUrl, Path work) {
            this.filler = new TopicFiller(bootstrap, options.seed());
            this.consume = new ConsumeRun(bootstrap, jdbcUrl, work, options.sinksSettings());
            this.copy = new CopyLimit(bootstrap);
            this.insert = new BatchInsertBaseline(bootstrap);
            this.tool = new ConsumerPerfRun(bootstrap);
            this.jdbcUrl = jdbcUrl;
        }

        SinksResult all(String label, long rows) {
            String topic = "sinks-" + label;
            long start = System.nanoTime();
            UUID topicId = filler.fill(topic, rows);
            log.info(
                    "Produced {} rows to {} in {} ms (not timed)",
                    rows,
                    topic,
                    (System.nanoTime() - start) / 1_000_000);
            // The ratio a/d matters most: the two run back to back.
            TimedRows bronze = expect(rows, "a) bronze", consume.run(topic, label + "_bronze", Set.of("postgres")));
            TimedRows limit =
                    expect(rows, "d) COPY", copy.run(topic, topicId, new BenchTable(jdbcUrl, label + "_copy")));
            TimedRows baseline = expect(
                    rows, "e) batch insert", insert.run(topic, topicId, new BenchTable(jdbcUrl, label + "_insert")));
            TimedRows raw = expect(rows, "b) raw", consume.run(topic, label + "_raw", Set.of("raw")));
            log.info("f) ConsumerPerformance on {}", topic);
            ConsumerPerfRun.Result read = tool.run(topic, label + "_perf", rows);
            TimedRows both = expect(rows, "c) both", consume.run(topic, label + "_both", Set.of("postgres", "raw")));
            return new SinksResult(rows, bronze, raw, both, limit, baseline, read);
        }

        private TimedRows expect(long rows, String what, TimedRows run) {
            log.info(
                    "{}: {} rows in {} ms, {} rows/s",
                    what,
                    run.rows(),
                    run.elapsed().toMillis(),
                    rate(run));
            if (run.rows() != rows) {
                throw new ChainlineException(what + " stored " + run.rows() + " rows, expected " + rows);
            }
            return run;
        }
    }
}
