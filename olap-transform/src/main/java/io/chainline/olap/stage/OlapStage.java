package io.chainline.olap.stage;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.inject.Provider;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageContext;
import io.chainline.core.stage.StageReport;
import io.chainline.core.store.BlobInfo;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.StoreLock;
import io.chainline.olap.SilverSettings;
import io.chainline.olap.build.TableBuilder;
import io.chainline.olap.conform.ConformedInput;
import io.chainline.olap.conform.InputCounts;
import io.chainline.olap.conform.RawFrames;
import io.chainline.olap.publish.ManifestPublisher;
import io.chainline.olap.publish.SilverLayout;
import io.chainline.olap.publish.VersionPruner;
import io.chainline.olap.publish.WrittenTable;
import io.chainline.olap.spark.SparkTaskProgress;

import static java.util.Objects.requireNonNull;

/**
 * The {@code olap-transform} stage: reads every raw file under {@code <rawRoot>/raw_streaming/} once, conforms and
 * caches it, builds, checks and writes every bound table as version {@code <runId>} under
 * {@code <silverRoot>/silver/}, then publishes {@code silver/_manifest.json} with a conditional write and prunes
 * old versions. The whole build holds the store's publish lock, so a concurrent run fails fast naming the holder.
 *
 * <p>A failure at any point (a builder, a write, a failed check) leaves the previous manifest and its files as
 * they were; the half-written version is invisible to readers and pruned by a later publish. Running again with the
 * same input publishes a version with the same keys and contents. The Spark session is the lifecycle's: this stage
 * neither creates nor stops one.
 */
public final class OlapStage implements Stage {
    /** The stage's name. */
    public static final String NAME = "olap-transform";

    private static final Logger log = LoggerFactory.getLogger(OlapStage.class);
    private static final String RAW_PREFIX = "raw_streaming/";

    private final OlapRequest request;
    private final Provider<SparkSession> spark;
    private final Map<String, TableBuilder> builders;
    private final SilverSettings settings;
    private final Function<URI, BlobStore> stores;

    /**
     * A stage for one request.
     *
     * @param builders table name → builder, in build order
     * @param stores opens the object store at a root URI; the stage closes what it opens
     */
    public OlapStage(
            OlapRequest request,
            Provider<SparkSession> spark,
            Map<String, TableBuilder> builders,
            SilverSettings settings,
            Function<URI, BlobStore> stores) {
        this.request = requireNonNull(request, "request is null");
        this.spark = requireNonNull(spark, "spark is null");
        this.builders = new LinkedHashMap<>(requireNonNull(builders, "builders is null"));
        this.settings = requireNonNull(settings, "settings is null");
        this.stores = requireNonNull(stores, "stores is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageReport run(StageContext context) {
        requireNonNull(context, "context is null");
        try (BlobStore silver = stores.apply(request.silverRoot());
                BlobStore raw = stores.apply(request.rawRoot());
                StoreLock lock = StoreLock.acquire(
                        silver, SilverLayout.LOCK, context.runId(), settings.lockTtl(), context.clock())) {
            ManifestPublisher publisher = new ManifestPublisher(silver);
            if (publisher.publishedRunId().filter(context.runId()::equals).isPresent()) {
                throw new ChainlineException("Run " + context.runId() + " is already the published silver version"
                        + " in " + silver.uriOf(SilverManifest.OBJECT_NAME) + "; a new build needs a new run id");
            }
            SparkSession session = spark.get();
            List<URI> files = rawFiles(raw);
            log.info(
                    "Building silver version {} from {} raw files under {}",
                    context.runId(),
                    files.size(),
                    SilverLayout.directoryUri(raw, RAW_PREFIX));
            long started = System.nanoTime();
            SparkTaskProgress progress = SparkTaskProgress.install(session.sparkContext(), context);
            try (ConformedInput input = ConformedInput.of(new RawFrames(session).read(files))) {
                log.info(
                        "Conformed {} raw rows in {} ms",
                        input.counts().rawRows(),
                        (System.nanoTime() - started) / 1_000_000);
                BuildOutcome outcome = new SilverBuild(silver, settings).run(input, builders, context, lock);
                failIfAnyCheckFailed(outcome.checks());
                SilverManifest manifest = new SilverManifest(
                        SilverManifest.FORMAT_VERSION,
                        context.runId(),
                        context.clock().instant(),
                        outcome.tables().stream().map(WrittenTable::manifest).toList(),
                        outcome.checks());
                lock.renew(settings.lockTtl());
                publisher.publish(manifest);
                URI manifestUri = silver.uriOf(SilverManifest.OBJECT_NAME);
                int pruned = new VersionPruner(silver).prune(settings.keepVersions(), context.runId());
                context.state()
                        .put(
                                OlapResult.KEY,
                                new OlapResult(
                                        manifestUri,
                                        context.runId(),
                                        outcome.counts().distinctOrderItems()));
                log.info(
                        "Published silver version {} ({} tables, {} fact rows); removed {} old table directories",
                        context.runId(),
                        manifest.tables().size(),
                        outcome.counts().conformed(),
                        pruned);
                return report(outcome, manifestUri, session);
            } finally {
                progress.close();
            }
        }
    }

    private static List<URI> rawFiles(BlobStore raw) {
        return raw.list(RAW_PREFIX).stream()
                .map(BlobInfo::name)
                .filter(name -> name.endsWith(".avro") || name.endsWith(".jsonl"))
                .map(raw::uriOf)
                .toList();
    }

    private static void failIfAnyCheckFailed(List<CheckResult> checks) {
        List<CheckResult> failed = checks.stream()
                .filter(check -> check.status() == CheckResult.Status.FAILED)
                .toList();
        if (!failed.isEmpty()) {
            throw new DataQualityException("Silver checks failed, nothing was published: "
                    + failed.stream()
                            .map(check -> "check " + check.name() + ": " + check.detail())
                            .collect(Collectors.joining("; ")));
        }
    }

    private static StageReport report(BuildOutcome outcome, URI manifestUri, SparkSession session) {
        InputCounts counts = outcome.counts();
        StageReport.Builder report = StageReport.builder(NAME)
                .rowsIn(counts.rawRows())
                .rowsOut(counts.conformed())
                .rowsRejected(counts.rejected())
                .bytes(outcome.tables().stream().mapToLong(WrittenTable::bytes).sum())
                .output(manifestUri.toString())
                .output("spark-master=" + session.sparkContext().master())
                .counter("replays_dropped", counts.replaysDropped())
                .counter("superseded", counts.superseded());
        outcome.counters().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(counter -> report.counter(counter.getKey(), counter.getValue()));
        report.counter("executors", executors(session));
        outcome.parts().forEach(report::part);
        outcome.checks().forEach(report::check);
        outcome.checks().stream()
                .filter(check -> check.status() == CheckResult.Status.WARNED)
                .forEach(check -> report.warning("check " + check.name() + " warned: " + check.detail()));
        if (counts.rejected() > 0) {
            report.warning(counts.rejected() + " raw rows were rejected; see " + outcome.rejects());
        }
        return report.build();
    }

    /** Executors doing the work: in local mode the driver, else every executor but the driver. */
    private static long executors(SparkSession session) {
        int infos = session.sparkContext().statusTracker().getExecutorInfos().length;
        return session.sparkContext().isLocal() ? infos : Math.max(0, infos - 1);
    }
}
