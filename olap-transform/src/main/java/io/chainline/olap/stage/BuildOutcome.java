package io.chainline.olap.stage;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.olap.conform.InputCounts;
import io.chainline.olap.publish.WrittenTable;

import static java.util.Objects.requireNonNull;

/**
 * What building and writing one silver version produced, before it is published.
 *
 * @param counts what became of the raw rows
 * @param tables every table written, in build order
 * @param parts one report per table
 * @param checks every check's result
 * @param counters conflicts and unknown-member counts per dimension
 * @param rejects the directory of the rejects table
 */
record BuildOutcome(
        InputCounts counts,
        List<WrittenTable> tables,
        List<PartReport> parts,
        List<CheckResult> checks,
        Map<String, Long> counters,
        URI rejects) {

    BuildOutcome {
        requireNonNull(counts, "counts is null");
        tables = List.copyOf(tables);
        parts = List.copyOf(parts);
        checks = List.copyOf(checks);
        counters = Map.copyOf(counters);
        requireNonNull(rejects, "rejects is null");
    }
}
