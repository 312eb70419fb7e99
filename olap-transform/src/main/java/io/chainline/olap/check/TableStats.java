package io.chainline.olap.check;

import java.util.List;

import io.chainline.core.stage.CheckResult;

import static java.util.Objects.requireNonNull;

/**
 * What the checks of one table measured.
 *
 * @param table the table name
 * @param rows its row count
 * @param conflicts keys whose source rows disagreed on attributes (0 for tables without conflict tracking)
 * @param checks the results of its row-count, not-null-key and unique-key checks
 */
public record TableStats(String table, long rows, long conflicts, List<CheckResult> checks) {

    public TableStats {
        requireNonNull(table, "table is null");
        checks = List.copyOf(requireNonNull(checks, "checks is null"));
    }
}
