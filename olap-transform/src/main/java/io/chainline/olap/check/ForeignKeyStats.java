package io.chainline.olap.check;

import java.util.List;
import java.util.Map;

import io.chainline.core.stage.CheckResult;

import static java.util.Objects.requireNonNull;

/**
 * What the foreign-key checks of one table measured.
 *
 * @param table the referencing table
 * @param unknown per referenced table, the rows that point to its unknown member (-1)
 * @param checks one no-orphan result per foreign key
 */
public record ForeignKeyStats(String table, Map<String, Long> unknown, List<CheckResult> checks) {

    public ForeignKeyStats {
        requireNonNull(table, "table is null");
        unknown = Map.copyOf(requireNonNull(unknown, "unknown is null"));
        checks = List.copyOf(requireNonNull(checks, "checks is null"));
    }
}
