package io.chainline.benchmarks;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import com.typesafe.config.Config;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.config.ConfigLoader;
import io.chainline.core.config.ConfigSources;
import io.chainline.core.error.ChainlineException;
import io.chainline.core.inject.CoreModule;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.stage.RunContext;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageChain;
import io.chainline.olap.OlapModule;
import io.chainline.olap.spark.SparkSessionFactory;
import io.chainline.olap.stage.OlapRequest;
import io.chainline.olap.stage.OlapStageFactory;

import static java.util.Objects.requireNonNull;

/**
 * Measures the star-schema build against the Spark job it replaces. For each row count it writes generated rows as
 * raw Avro files (as the raw sink writes them, {@link RawAvroFiles}), then, in ONE Spark session, runs first the
 * original job ({@link OriginalBaseline}: seven projections written as uncompressed Parquet) and then our full
 * transform (the olap-transform stage with its checks and publish) writing to another root, and times both. The
 * session is warmed up with a baseline run of {@code --warmup-rows} first. It prints a Markdown table of both
 * times and their ratio (target: ours {@code <=} 1.0 x the baseline) on stdout and exits 0 whether or not the target is met.
 *
 * <p>Usage: {@code OlapBenchmark [--rows N[,N...]]... [--dir PATH] [--keep] [--seed S] [--warmup-rows N]
 * [--set chainline.spark.KEY=VALUE]...}; see docs/benchmarks.md.
 */
public final class OlapBenchmark {
    private static final Logger log = LoggerFactory.getLogger(OlapBenchmark.class);

    private final OlapOptions options;

    OlapBenchmark(OlapOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    /**
     * Runs the benchmark; see the class comment and docs/benchmarks.md for the arguments.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        OlapOptions options;
        try {
            options = OlapOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<OlapResult> results = new OlapBenchmark(options).run();
        PrintStream out = System.out;
        out.print(OlapResult.render(results));
        out.println("The baseline casts nothing, drops no replay, builds no key, fact or check and publishes no"
                + " manifest; ours does all of that.");
        out.flush();
    }

    /** Runs every requested size in a work directory of its own, deleted at the end unless {@code --keep}. */
    List<OlapResult> run() {
        Path work = WorkFiles.createDirectory(options.dir(), "chainline-olap-bench-");
        log.info("Work directory {}; {}", work, ResultTable.machine());
        List<String> settings = new ArrayList<>(options.settings());
        settings.add("chainline.state-dir=" + work.resolve("state"));
        settings.add("chainline.store.root=" + work.resolve("store").toUri());
        Config config = new ConfigLoader(ConfigSources.defaults().withOverrides(settings)).load();
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new CoreModule(config), new OlapModule());
        List<OlapResult> results = new ArrayList<>();
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        try {
            SparkSession session =
                    injector.getInstance(SparkSessionFactory.class).session();
            log.info("Spark {} on {}", session.version(), session.sparkContext().master());
            Path warmRaw = work.resolve("warmup-raw");
            RawAvroFiles.write(warmRaw, options.warmupRows(), options.seed());
            log.info("Warming up with the baseline over {} rows", options.warmupRows());
            OriginalBaseline.run(session, uri(warmRaw), uri(work.resolve("warmup-baseline")));
            for (long rows : options.rows()) {
                results.add(measure(injector, session, config, work, rows));
            }
        } finally {
            try {
                lifecycle.close();
            } finally {
                if (options.keep()) {
                    log.info("Kept the work directory {}", work);
                } else {
                    WorkFiles.deleteTree(work);
                }
            }
        }
        return results;
    }

    private OlapResult measure(Injector injector, SparkSession session, Config config, Path work, long rows) {
        Path raw = work.resolve("raw-" + rows);
        long writeStart = System.nanoTime();
        RawAvroFiles.Written written = RawAvroFiles.write(raw, rows, options.seed());
        log.info(
                "Wrote {} rows as {} raw files ({} MB) in {} ms",
                rows,
                written.files(),
                written.bytes() >> 20,
                (System.nanoTime() - writeStart) / 1_000_000);

        long baselineStart = System.nanoTime();
        OriginalBaseline.run(session, uri(raw), uri(work.resolve("baseline-" + rows)));
        double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;
        log.info("{} rows: baseline {} s", rows, String.format("%.1f", baselineSeconds));

        long oursStart = System.nanoTime();
        try {
            runOurTransform(
                    injector, config, raw.toUri(), work.resolve("ours-" + rows).toUri());
        } catch (RuntimeException e) {
            log.warn("{} rows: our transform did not run: {}", rows, e.toString());
            return new OlapResult(
                    rows, written.files(), written.bytes(), baselineSeconds, OptionalDouble.empty(), e.toString());
        }
        double oursSeconds = (System.nanoTime() - oursStart) / 1e9;
        log.info(
                "{} rows: ours {} s, ratio {}",
                rows,
                String.format("%.1f", oursSeconds),
                String.format("%.2f", oursSeconds / baselineSeconds));
        return new OlapResult(
                rows, written.files(), written.bytes(), baselineSeconds, OptionalDouble.of(oursSeconds), "");
    }

    /**
     * Our full transform: the olap-transform stage over {@code rawRoot}, publishing under {@code silverRoot}, on
     * the injector's (the baseline's) Spark session.
     *
     * @throws ChainlineException when the stage fails
     */
    static void runOurTransform(Injector injector, Config config, URI rawRoot, URI silverRoot) {
        RunReport report = StageChain.named(
                        "olap-benchmark",
                        injector.getInstance(OlapStageFactory.class).create(new OlapRequest(rawRoot, silverRoot)))
                .run(RunContext.of(config));
        if (!report.succeeded()) {
            throw new ChainlineException("The olap-transform stage failed: "
                    + report.failure().map(failed -> failed.error()).orElse("no stage reported the failure"));
        }
    }

    private static String uri(Path dir) {
        String uri = dir.toAbsolutePath().toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
