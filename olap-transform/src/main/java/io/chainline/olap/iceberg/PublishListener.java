package io.chainline.olap.iceberg;

/** Hears the steps of publishing a silver build (for progress, and for tests that stop a build at a step). */
@FunctionalInterface
public interface PublishListener {
    /** Hears nothing. */
    PublishListener NONE = (buildId, step) -> {};

    /** Build {@code buildId} reached {@code step}. */
    void reached(String buildId, PublishStep step);
}
