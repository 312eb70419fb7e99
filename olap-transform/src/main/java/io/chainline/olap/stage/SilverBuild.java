package io.chainline.olap.stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.StageContext;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.StoreLock;
import io.chainline.olap.SilverSettings;
import io.chainline.olap.build.BuildInput;
import io.chainline.olap.build.BuiltTable;
import io.chainline.olap.build.FactOrderBuilder;
import io.chainline.olap.build.TableBuilder;
import io.chainline.olap.check.CheckKind;
import io.chainline.olap.check.CheckPolicy;
import io.chainline.olap.check.ForeignKeyChecks;
import io.chainline.olap.check.ForeignKeyStats;
import io.chainline.olap.check.TableChecks;
import io.chainline.olap.check.TableStats;
import io.chainline.olap.conform.ConformedInput;
import io.chainline.olap.conform.InputCounts;
import io.chainline.olap.publish.SilverLayout;
import io.chainline.olap.publish.TableWriter;
import io.chainline.olap.publish.WrittenTable;

import static java.util.Objects.requireNonNull;

/**
 * Builds, checks and writes every table of one silver version from the conformed input, one table at a time: build,
 * cache, count and check (one pass), write from the cache. Then the foreign-key and reconciliation checks, and the
 * rejects table. Publishing is the caller's: nothing here is visible to readers.
 */
final class SilverBuild {
    private static final Logger log = LoggerFactory.getLogger(SilverBuild.class);

    private final BlobStore store;
    private final SilverSettings settings;
    private final CheckPolicy policy;

    SilverBuild(BlobStore store, SilverSettings settings) {
        this.store = requireNonNull(store, "store is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.policy = new CheckPolicy(settings.warnOnly());
    }

    /** @param builders table name → builder, in build order */
    BuildOutcome run(ConformedInput input, Map<String, TableBuilder> builders, StageContext context, StoreLock lock) {
        InputCounts counts = input.counts();
        BuildInput buildInput = new BuildInput(input.valid(), context.runId());
        TableWriter writer = new TableWriter(store, settings.compression().codec());
        Map<String, BuiltTable> built = new LinkedHashMap<>();
        List<WrittenTable> written = new ArrayList<>();
        List<PartReport> parts = new ArrayList<>();
        List<CheckResult> checks = new ArrayList<>();
        Map<String, Long> counters = new TreeMap<>();
        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            for (Map.Entry<String, TableBuilder> entry : builders.entrySet()) {
                context.cancellation().throwIfCancelled();
                long started = System.nanoTime();
                TableBuilder builder = entry.getValue();
                BuiltTable table = builder.build(buildInput);
                if (!table.name().equals(entry.getKey())) {
                    throw new ChainlineException(
                            "Table builder " + builder.getClass().getName() + " registered as '" + entry.getKey()
                                    + "' built a table named '" + table.name() + "': the names must match");
                }
                Dataset<Row> rows = table.rows().persist(StorageLevel.MEMORY_AND_DISK());
                cached.add(rows);
                table = table.withRows(rows);
                TableStats stats = new TableChecks(policy).check(table);
                WrittenTable output = writer.write(table, context.runId(), stats.rows());
                built.put(table.name(), table);
                written.add(output);
                checks.addAll(stats.checks());
                if (table.conflictColumn().isPresent()) {
                    counters.put("conflicts." + table.name(), stats.conflicts());
                }
                log.info(
                        "Wrote {}: {} rows, {} bytes in {} ms",
                        table.name(),
                        stats.rows(),
                        output.bytes(),
                        (System.nanoTime() - started) / 1_000_000);
                parts.add(new PartReport(
                        table.name(),
                        counts.conformed(),
                        stats.rows(),
                        0,
                        output.bytes(),
                        Duration.ofNanos(System.nanoTime() - started),
                        summary(stats.checks())));
                lock.renew(settings.lockTtl());
                context.reportProgress(written.size(), builders.size(), "tables");
            }
            long foreignStarted = System.nanoTime();
            for (BuiltTable table : built.values()) {
                ForeignKeyStats foreign = new ForeignKeyChecks(policy).check(table, built);
                checks.addAll(foreign.checks());
                foreign.unknown().forEach((dimension, rows) -> counters.merge("unknown." + dimension, rows, Long::sum));
            }
            log.info("Checked foreign keys in {} ms", (System.nanoTime() - foreignStarted) / 1_000_000);
            reconcile(built, written, counts, checks);
            String rejects = SilverLayout.versionDirectory(SilverLayout.REJECTS, context.runId());
            writer.write(input.rejects(), rejects, List.of(), counts.rejected());
            return new BuildOutcome(
                    counts, written, parts, checks, counters, SilverLayout.directoryUri(store, rejects));
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    /** The fact has one row per distinct order item conformed (and so per conformed row). */
    private void reconcile(
            Map<String, BuiltTable> built, List<WrittenTable> written, InputCounts counts, List<CheckResult> checks) {
        if (!built.containsKey(FactOrderBuilder.NAME)) {
            return;
        }
        long factRows = written.stream()
                .filter(table -> table.manifest().name().equals(FactOrderBuilder.NAME))
                .mapToLong(table -> table.manifest().rowCount())
                .sum();
        boolean holds = factRows == counts.distinctOrderItems() && factRows == counts.conformed();
        checks.add(policy.result(
                CheckKind.FACT_MATCHES_INPUT,
                FactOrderBuilder.NAME,
                holds,
                factRows
                        + " fact rows, " + counts.distinctOrderItems() + " distinct order items conformed"
                        + (holds ? "" : " (" + counts.conformed() + " conformed rows): they must be equal")));
    }

    private static String summary(List<CheckResult> checks) {
        return checks.stream()
                .map(check -> check.name() + " " + check.status().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
