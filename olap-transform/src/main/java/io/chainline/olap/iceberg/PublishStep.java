package io.chainline.olap.iceberg;

/**
 * The steps of publishing a silver build, in order. A {@link PublishListener} hears each one as it is reached; a
 * crash between any two leaves readers of the export pointer on the previous complete build, and the next build
 * finishes or discards the interrupted one.
 */
public enum PublishStep {
    /** Every table is written to the build's branch and audited; nothing is published. */
    BRANCHES_WRITTEN,
    /** The arbiter table's {@code main} points at the build: the build has won and will be published. */
    ARBITER_PUBLISHED,
    /** Every table's {@code main} points at the build and carries its tag. */
    TABLES_PUBLISHED,
    /** The export pointer names the build. */
    POINTER_WRITTEN,
    /** The build's branches are removed. */
    FINISHED
}
