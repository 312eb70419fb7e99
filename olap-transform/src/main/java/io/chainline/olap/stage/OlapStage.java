package io.chainline.olap.stage;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.inject.Provider;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.DataQualityException;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageContext;
import io.chainline.core.stage.StageReport;
import io.chainline.core.store.BlobInfo;
import io.chainline.core.store.BlobStore;
import io.chainline.olap.SilverSettings;
import io.chainline.olap.build.BuiltTable;
import io.chainline.olap.build.FactOrderBuilder;
import io.chainline.olap.build.TableBuilder;
import io.chainline.olap.conform.ConformedInput;
import io.chainline.olap.conform.InputCounts;
import io.chainline.olap.conform.RawFrames;
import io.chainline.olap.iceberg.BranchWriter;
import io.chainline.olap.iceberg.BuildRefs;
import io.chainline.olap.iceberg.CatalogSettings;
import io.chainline.olap.iceberg.ColumnDocs;
import io.chainline.olap.iceberg.ExportPointer;
import io.chainline.olap.iceberg.PublishListener;
import io.chainline.olap.iceberg.SilverCatalog;
import io.chainline.olap.iceberg.SilverPublisher;
import io.chainline.olap.iceberg.SilverRetention;
import io.chainline.olap.iceberg.SilverTables;
import io.chainline.olap.iceberg.WrittenBranch;
import io.chainline.olap.spark.SparkTaskProgress;

import static java.util.Objects.requireNonNull;

/**
 * The {@code olap-transform} stage: reads every raw file under {@code <rawRoot>/<raw-prefix>/} once, conforms and
 * caches it, builds and checks every bound table, then writes them as Apache Iceberg tables of the silver catalog
 * with write-audit-publish: each table to the build's branch (audited against the counted rows), then, once all are
 * written, the branches are published together ({@link SilverPublisher}), the export pointer
 * {@code silver/_manifest.json} is rewritten, and retention runs.
 *
 * <p>A failure at any point (a builder, a failed check, a write) leaves readers on the previous complete build; a
 * build that won its publish but stopped is finished by the next one, and abandoned branches are removed by a later
 * one. Of two concurrent builds, the one that publishes second fails naming the first. Running again with the same
 * input publishes a build with the same keys and contents. The Spark session is the lifecycle's: this stage neither
 * creates nor stops one.
 */
public final class OlapStage implements Stage {
    /** The stage's name. */
    public static final String NAME = "olap-transform";

    private static final Logger log = LoggerFactory.getLogger(OlapStage.class);

    private final OlapRequest request;
    private final Provider<SparkSession> spark;
    private final Map<String, TableBuilder> builders;
    private final SilverSettings settings;
    private final CatalogSettings catalogSettings;
    private final Function<URI, BlobStore> stores;
    private final PublishListener listener;

    /**
     * A stage for one request.
     *
     * @param builders table name → builder, in build order
     * @param stores opens the object store at a root URI; the stage closes what it opens
     * @param listener hears the steps of the publish
     */
    public OlapStage(
            OlapRequest request,
            Provider<SparkSession> spark,
            Map<String, TableBuilder> builders,
            SilverSettings settings,
            CatalogSettings catalogSettings,
            Function<URI, BlobStore> stores,
            PublishListener listener) {
        this.request = requireNonNull(request, "request is null");
        this.spark = requireNonNull(spark, "spark is null");
        this.builders = new LinkedHashMap<>(requireNonNull(builders, "builders is null"));
        this.settings = requireNonNull(settings, "settings is null");
        this.catalogSettings = requireNonNull(catalogSettings, "catalogSettings is null");
        this.stores = requireNonNull(stores, "stores is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageReport run(StageContext context) {
        requireNonNull(context, "context is null");
        try (BlobStore silver = stores.apply(request.silverRoot());
                BlobStore raw = stores.apply(request.rawRoot())) {
            SparkSession session = spark.get();
            scala.Option<SparkSession> previouslyActive = SparkSession.getActiveSession();
            // Spark resolves catalogs through the thread's active session, which a host may have cleared or changed
            SparkSession.setActiveSession(session);
            try {
                return build(context, silver, raw, session);
            } finally {
                if (previouslyActive.isDefined()) {
                    SparkSession.setActiveSession(previouslyActive.get());
                } else {
                    SparkSession.clearActiveSession();
                }
            }
        }
    }

    private StageReport build(StageContext context, BlobStore silver, BlobStore raw, SparkSession session) {
        SilverCatalog catalog = SilverCatalog.open(session, catalogSettings, request.silverRoot());
        ExportPointer pointer = new ExportPointer(catalog, silver);
        SilverPublisher publisher =
                new SilverPublisher(catalog, pointer, listener, settings.abandonedAfter(), context.clock());
        List<String> tables = arbiterFirst(builders.keySet());
        publisher.settle(tables);
        Optional<SilverManifest> previous = pointer.current();
        if (previous.filter(manifest -> manifest.runId().equals(context.runId()))
                .isPresent()) {
            throw new ChainlineException("Run " + context.runId() + " is already the published silver build" + " in "
                    + silver.uriOf(SilverManifest.OBJECT_NAME) + "; a new build needs a new run id");
        }
        List<URI> files = rawFiles(raw);
        log.info(
                "Building silver build {} from {} raw files under {} into {}",
                context.runId(),
                files.size(),
                raw.uriOf(settings.rawPrefix()),
                catalog.sparkName() + "." + catalogSettings.namespace());
        long started = System.nanoTime();
        SparkTaskProgress progress = SparkTaskProgress.install(session.sparkContext(), context);
        try (ConformedInput input = ConformedInput.of(new RawFrames(session).read(files));
                BuiltSilver built = new SilverBuild(settings).run(input, builders, context)) {
            log.info(
                    "Conformed and built {} raw rows in {} ms",
                    input.counts().rawRows(),
                    (System.nanoTime() - started) / 1_000_000);
            failIfAnyCheckFailed(built.checks());
            refuseEmptyReplacement(built, previous);
            List<WrittenBranch> written = write(catalog, built, tables, context);
            RejectsWriter rejectsWriter =
                    new RejectsWriter(silver, settings.compression().codec());
            URI rejects = rejectsWriter.write(input.rejects(), context.runId());
            SilverManifest manifest = publisher.publish(context.runId(), tables, built.checks());
            SilverRetention.Removed removed = new SilverRetention(catalog, settings, context.clock()).run(tables);
            rejectsWriter.prune(settings.keepBuilds());
            URI manifestUri = silver.uriOf(SilverManifest.OBJECT_NAME);
            context.state()
                    .put(
                            OlapResult.KEY,
                            new OlapResult(
                                    manifestUri, context.runId(), built.counts().distinctOrderItems()));
            log.info(
                    "Published silver build {} ({} tables, {} fact rows)",
                    context.runId(),
                    manifest.tables().size(),
                    built.counts().conformed());
            return report(built, written, removed, rejects, manifestUri, session);
        } finally {
            progress.close();
        }
    }

    private List<WrittenBranch> write(
            SilverCatalog catalog, BuiltSilver built, List<String> tables, StageContext context) {
        SilverTables silverTables = new SilverTables(
                catalog, ColumnDocs.standard(), settings.compression().codec());
        BranchWriter writer = new BranchWriter(catalog, silverTables);
        List<WrittenBranch> written = new ArrayList<>();
        for (String name : tables) {
            context.cancellation().throwIfCancelled();
            long started = System.nanoTime();
            BuiltTable table = built.tables().get(name);
            Map<String, String> summary = written.isEmpty() ? SilverPublisher.checksSummary(built.checks()) : Map.of();
            WrittenBranch branch = writer.write(
                    name, table.data(), built.rowsOf(name), table.partitioning(), context.runId(), summary);
            written.add(branch);
            log.info(
                    "Wrote {}: {} rows, {} bytes to branch {} in {} ms",
                    name,
                    branch.rows(),
                    branch.bytes(),
                    BuildRefs.branch(context.runId()),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return written;
    }

    /** The table names with the fact first: its publish is the commit that decides between concurrent builds. */
    private static List<String> arbiterFirst(java.util.Collection<String> names) {
        List<String> ordered = new ArrayList<>(names);
        if (ordered.remove(FactOrderBuilder.NAME)) {
            ordered.add(0, FactOrderBuilder.NAME);
        }
        return ordered;
    }

    private void refuseEmptyReplacement(BuiltSilver built, Optional<SilverManifest> previous) {
        long before = previous.flatMap(manifest -> manifest.table(FactOrderBuilder.NAME))
                .map(ManifestTable::rowCount)
                .orElse(0L);
        if (built.rowsOf(FactOrderBuilder.NAME) == 0 && before > 0 && !settings.allowEmptyReplacement()) {
            throw new DataQualityException("This build has no fact rows and would replace silver build "
                    + previous.get().runId() + " with " + before + "; nothing was published. Check --raw and the"
                    + " raw prefix, or set chainline.silver.allow-empty-replacement=true to empty the warehouse");
        }
    }

    private List<URI> rawFiles(BlobStore raw) {
        return raw.list(settings.rawPrefix() + "/").stream()
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

    private static StageReport report(
            BuiltSilver built,
            List<WrittenBranch> written,
            SilverRetention.Removed removed,
            URI rejects,
            URI manifestUri,
            SparkSession session) {
        InputCounts counts = built.counts();
        Map<String, WrittenBranch> byTable = new LinkedHashMap<>();
        written.forEach(branch -> byTable.put(branch.table(), branch));
        StageReport.Builder report = StageReport.builder(NAME)
                .rowsIn(counts.rawRows())
                .rowsOut(counts.conformed())
                .rowsRejected(counts.rejected())
                .bytes(written.stream().mapToLong(WrittenBranch::bytes).sum())
                .output(manifestUri.toString())
                .output("spark-master=" + session.sparkContext().master())
                .counter("replays_dropped", counts.replaysDropped())
                .counter("superseded", counts.superseded())
                .counter("retention.tags_removed", removed.tags())
                .counter("retention.snapshots_expired", removed.snapshots())
                .counter("retention.files_deleted", removed.files());
        built.counters().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(counter -> report.counter(counter.getKey(), counter.getValue()));
        report.counter("executors", executors(session));
        built.parts().forEach(part -> {
            WrittenBranch branch = byTable.get(part.name());
            report.part(
                    branch == null
                            ? part
                            : new PartReport(
                                    part.name(),
                                    part.rowsIn(),
                                    part.rowsOut(),
                                    part.rowsRejected(),
                                    branch.bytes(),
                                    part.duration(),
                                    part.note() + "; snapshot " + branch.snapshotId()));
        });
        built.checks().forEach(report::check);
        built.checks().stream()
                .filter(check -> check.status() == CheckResult.Status.WARNED)
                .forEach(check -> report.warning("check " + check.name() + " warned: " + check.detail()));
        if (counts.rejected() > 0) {
            report.warning(counts.rejected() + " raw rows were rejected; see " + rejects);
        }
        return report.build();
    }

    /** Executors doing the work: in local mode the driver, else every executor but the driver. */
    private static long executors(SparkSession session) {
        int infos = session.sparkContext().statusTracker().getExecutorInfos().length;
        return session.sparkContext().isLocal() ? infos : Math.max(0, infos - 1);
    }
}
