package io.chainline.olap.check;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The kinds of data-quality check run on a silver version before it is published. */
public enum CheckKind {
    /** Every key of a table occurs once. */
    UNIQUE_KEY("unique-key"),
    /** No row of a table has a null key. */
    NOT_NULL_KEY("not-null-key"),
    /** Every foreign key of a table names a row of the table it references. */
    NO_ORPHAN("no-orphan"),
    /** The fact has one row per distinct order item conformed. */
    FACT_MATCHES_INPUT("fact-matches-input"),
    /** The number of rows of a table; recorded, never fails. */
    ROW_COUNT("row-count");

    private static final List<String> NAMES =
            Arrays.stream(values()).map(CheckKind::checkName).toList();

    private final String checkName;

    CheckKind(String checkName) {
        this.checkName = checkName;
    }

    /** The kebab-case name used in check names ({@code dim_customer.unique-key}) and in settings. */
    public String checkName() {
        return checkName;
    }

    /** The name of this check for {@code table}: {@code <table>.<kind>}. */
    public String nameFor(String table) {
        requireNonNull(table, "table is null");
        return table + "." + checkName;
    }

    /** Every kind's name, in declaration order. */
    public static List<String> names() {
        return NAMES;
    }

    /** The kind named {@code name} ({@code unique-key}), if any. */
    public static Optional<CheckKind> byName(String name) {
        requireNonNull(name, "name is null");
        return Arrays.stream(values())
                .filter(kind -> kind.checkName.equals(name))
                .findFirst();
    }

    /** Whether {@code selector} is a kind name or {@code <table>.<kind>} with a non-empty table. */
    public static boolean isCheckSelector(String selector) {
        requireNonNull(selector, "selector is null");
        int dot = selector.lastIndexOf('.');
        return dot < 0
                ? byName(selector).isPresent()
                : dot > 0 && byName(selector.substring(dot + 1)).isPresent();
    }
}
