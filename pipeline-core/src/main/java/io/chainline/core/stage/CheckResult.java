package io.chainline.core.stage;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one data-quality or reconciliation check, e.g. key uniqueness in {@code dim_customer}.
 *
 * @param name what was checked, e.g. {@code dim_customer.unique-key}
 * @param status whether it passed
 * @param detail what was measured, with example keys when it failed
 */
public record CheckResult(String name, Status status, String detail) {

    /** The outcome of a check. */
    public enum Status {
        /** The check holds. */
        PASSED,
        /** The check does not hold, but it is configured as a warning. */
        WARNED,
        /** The check does not hold and fails its stage. */
        FAILED
    }

    public CheckResult {
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        detail = detail == null ? "" : detail;
    }

    /** A passed check. */
    public static CheckResult passed(String name, String detail) {
        return new CheckResult(name, Status.PASSED, detail);
    }

    /** A failed check. */
    public static CheckResult failed(String name, String detail) {
        return new CheckResult(name, Status.FAILED, detail);
    }

    /** A check that did not hold but only warns. */
    public static CheckResult warned(String name, String detail) {
        return new CheckResult(name, Status.WARNED, detail);
    }
}
