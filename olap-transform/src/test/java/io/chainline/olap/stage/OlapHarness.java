package io.chainline.olap.stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import com.typesafe.config.Config;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import io.chainline.core.inject.CoreModule;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.stage.Cancellation;
import io.chainline.core.stage.ProgressListener;
import io.chainline.core.stage.RunContext;
import io.chainline.core.stage.RunState;
import io.chainline.core.stage.Stage;
import io.chainline.core.stage.StageReport;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.BlobStores;
import io.chainline.olap.OlapModule;
import io.chainline.olap.SharedSpark;
import io.chainline.testkit.TestConfigs;

/** Runs the olap-transform stage over a local store root (raw and silver in the same root) with the test session. */
final class OlapHarness {
    /** The eight silver tables, in the order of the manifest. */
    static final List<String> TABLES = List.of(
            "dim_customer",
            "dim_date",
            "dim_department",
            "dim_location",
            "dim_metadata",
            "dim_product",
            "dim_shipping",
            "fact_order");

    private final Path root;
    private final Path rawRoot;
    private RunState lastState = new RunState();

    OlapHarness(Path root) {
        this(root, root);
    }

    private OlapHarness(Path root, Path rawRoot) {
        this.root = root;
        this.rawRoot = rawRoot;
    }

    /** A harness over the same silver store that reads raw files from {@code otherRaw}. */
    OlapHarness withRawRoot(Path otherRaw) {
        return new OlapHarness(root, otherRaw);
    }

    /** Runs the stage as run {@code runId} with the given {@code chainline.*} overrides. */
    StageReport run(String runId, String... settings) {
        return run(runId, binder -> {}, settings);
    }

    /** Runs the stage as run {@code runId} at the time {@code clock} tells. */
    StageReport runAt(Clock clock, String runId, String... settings) {
        return run(clock, runId, binder -> {}, settings);
    }

    /** Runs the stage as run {@code runId}, with {@code override} overriding the module's bindings. */
    StageReport run(String runId, Module override, String... settings) {
        return run(Clock.systemUTC(), runId, override, settings);
    }

    private StageReport run(Clock clock, String runId, Module override, String... settings) {
        List<String> overrides = new ArrayList<>(List.of(settings));
        overrides.add("chainline.store.root=\"" + root + "\"");
        Config config = TestConfigs.load(overrides.toArray(String[]::new));
        Module session = binder -> binder.bind(SparkSession.class).toProvider(SharedSpark::session);
        OlapStageFactory factory = Guice.createInjector(
                        new CoreModule(config),
                        Modules.override(new OlapModule()).with(Modules.combine(session, override)))
                .getInstance(OlapStageFactory.class);
        Stage stage = factory.create(new OlapRequest(rawRoot.toUri(), root.toUri()));
        lastState = new RunState();
        RunContext run = new RunContext(runId, config, clock, ProgressListener.NONE, new Cancellation(), lastState);
        return stage.run(run.forStage(stage));
    }

    /** The run state of the last run. */
    RunState lastState() {
        return lastState;
    }

    /** The store at the root. */
    BlobStore store() {
        return BlobStores.forUri(root.toString(), () -> {
            throw new IllegalStateException("no GCS in tests");
        });
    }

    /** The published manifest. */
    SilverManifest manifest() {
        try (BlobStore store = store()) {
            return SilverManifest.read(store).orElseThrow(() -> new AssertionError("no manifest published"));
        }
    }

    /** The published rows of {@code table}, read from exactly the manifest's files, sorted by the first column. */
    List<Row> rows(String table) {
        ManifestTable entry = manifest().table(table).orElseThrow(() -> new AssertionError("no table " + table));
        return read(entry.uris().toArray(String[]::new));
    }

    /**
     * The rows of {@code table} as build {@code buildId} published them, read through the Iceberg catalog by the
     * build's tag (time travel), sorted by the first column.
     */
    List<Row> build(String table, String buildId) {
        String catalog =
                scala.collection.JavaConverters.mapAsJavaMap(
                                SharedSpark.session().conf().getAll())
                        .keySet()
                        .stream()
                        .filter(key -> key.startsWith("spark.sql.catalog.") && key.endsWith(".warehouse"))
                        .filter(key -> SharedSpark.session().conf().get(key).equals(warehouse()))
                        .map(key -> key.substring("spark.sql.catalog.".length(), key.length() - ".warehouse".length()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no catalog over " + warehouse()));
        List<Row> rows = new ArrayList<>(SharedSpark.session()
                .sql("SELECT * FROM " + catalog + ".silver." + table + " VERSION AS OF 'build-" + buildId + "'")
                .collectAsList());
        rows.sort(Comparator.comparing(row -> String.valueOf(row.get(0))));
        return rows;
    }

    /** The rejects of build {@code buildId}. */
    List<Row> rejects(String buildId) {
        return read(root.resolve("silver/_rejects").resolve(buildId).toUri().toString());
    }

    /** The builds whose rejects (Parquet files) are kept, newest first. */
    List<String> rejectBuilds() {
        try (java.util.stream.Stream<Path> builds = java.nio.file.Files.list(root.resolve("silver/_rejects"))) {
            return builds.filter(OlapHarness::holdsParquet)
                    .map(path -> path.getFileName().toString())
                    .sorted(Comparator.reverseOrder())
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean holdsParquet(Path directory) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(directory)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".parquet"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String warehouse() {
        String uri = root.toUri().toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** The published row of {@code table} whose first column is {@code key}. */
    Row row(String table, Object key) {
        return rows(table).stream()
                .filter(row -> key.equals(row.get(0)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + table));
    }

    private static List<Row> read(String... paths) {
        List<Row> rows = new ArrayList<>(SharedSpark.session()
                .read()
                .option("mergeSchema", "false")
                .parquet(paths)
                .collectAsList());
        rows.sort(Comparator.comparing(row -> String.valueOf(row.get(0))));
        return rows;
    }
}
