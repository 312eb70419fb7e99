package io.chainline.olap.stage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.StageContext;
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

import static java.util.Objects.requireNonNull;

/**
 * Builds, caches and checks every table of one silver build from the conformed input, one table at a time (build,
 * cache, count and check in one pass), then the foreign-key and reconciliation checks. Nothing is written here: the
 * caller writes the cached tables once every check has passed.
 */
final class SilverBuild {
    private static final Logger log = LoggerFactory.getLogger(SilverBuild.class);

    private final CheckPolicy policy;

    SilverBuild(SilverSettings settings) {
        this.policy =
                new CheckPolicy(requireNonNull(settings, "settings is null").warnOnly());
    }

    /** @param builders table name → builder, in build order */
    BuiltSilver run(ConformedInput input, Map<String, TableBuilder> builders, StageContext context) {
        InputCounts counts = input.counts();
        BuildInput buildInput = new BuildInput(input.valid(), context.runId());
        Map<String, BuiltTable> built = new LinkedHashMap<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        List<PartReport> parts = new ArrayList<>();
        List<CheckResult> checks = new ArrayList<>();
        Map<String, Long> counters = new TreeMap<>();
        boolean complete = false;
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
                table = table.withRows(table.rows().persist(StorageLevel.MEMORY_AND_DISK()));
                built.put(table.name(), table);
                TableStats stats = new TableChecks(policy).check(table);
                rows.put(table.name(), stats.rows());
                checks.addAll(stats.checks());
                if (table.conflictColumn().isPresent()) {
                    counters.put("conflicts." + table.name(), stats.conflicts());
                }
                log.info(
                        "Built {}: {} rows in {} ms",
                        table.name(),
                        stats.rows(),
                        (System.nanoTime() - started) / 1_000_000);
                parts.add(new PartReport(
                        table.name(),
                        counts.conformed(),
                        stats.rows(),
                        0,
                        0,
                        Duration.ofNanos(System.nanoTime() - started),
                        summary(stats.checks())));
                context.reportProgress(built.size(), builders.size(), "tables");
            }
            long foreignStarted = System.nanoTime();
            for (BuiltTable table : built.values()) {
                ForeignKeyStats foreign = new ForeignKeyChecks(policy).check(table, built);
                checks.addAll(foreign.checks());
                foreign.unknown()
                        .forEach((dimension, unknown) -> counters.merge("unknown." + dimension, unknown, Long::sum));
            }
            log.info("Checked foreign keys in {} ms", (System.nanoTime() - foreignStarted) / 1_000_000);
            reconcile(built, rows, counts, checks);
            BuiltSilver silver = new BuiltSilver(counts, built, rows, parts, checks, counters);
            complete = true;
            return silver;
        } finally {
            if (!complete) {
                built.values().forEach(table -> table.rows().unpersist());
            }
        }
    }

    /** The fact has one row per distinct order item conformed (and so per conformed row). */
    private void reconcile(
            Map<String, BuiltTable> built, Map<String, Long> rows, InputCounts counts, List<CheckResult> checks) {
        if (!built.containsKey(FactOrderBuilder.NAME)) {
            return;
        }
        long factRows = rows.get(FactOrderBuilder.NAME);
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
