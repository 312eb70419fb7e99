package io.chainline.olap.check;

import java.util.List;
import java.util.Set;

import io.chainline.core.stage.CheckResult;

import static java.util.Objects.requireNonNull;

/**
 * Turns a check's outcome into a {@link CheckResult}: a check that does not hold fails, unless the settings name it
 * (its kind for every table, or {@code <table>.<kind>}) as warn-only.
 */
public final class CheckPolicy {
    private final Set<String> warnOnly;

    /** A policy with the given warn-only selectors ({@code unique-key}, {@code dim_customer.unique-key}). */
    public CheckPolicy(List<String> warnOnly) {
        this.warnOnly = Set.copyOf(requireNonNull(warnOnly, "warnOnly is null"));
    }

    /**
     * The result of check {@code kind} on {@code table}, or on one of its columns ({@code fact_order.order_id}):
     * the check is named {@code <table>[.<column>].<kind>}.
     *
     * @param holds whether the check holds
     * @param detail what was measured, with example keys when it does not hold
     */
    public CheckResult result(CheckKind kind, String table, boolean holds, String detail) {
        requireNonNull(kind, "kind is null");
        String name = kind.nameFor(table);
        if (holds) {
            return CheckResult.passed(name, detail);
        }
        int dot = table.indexOf('.');
        String tableOnly = dot < 0 ? table : table.substring(0, dot);
        boolean warn = warnOnly.contains(kind.checkName())
                || warnOnly.contains(name)
                || warnOnly.contains(kind.nameFor(tableOnly));
        return warn ? CheckResult.warned(name, detail) : CheckResult.failed(name, detail);
    }
}
