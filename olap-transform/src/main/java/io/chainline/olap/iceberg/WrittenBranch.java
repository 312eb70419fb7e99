package io.chainline.olap.iceberg;

import static java.util.Objects.requireNonNull;

/**
 * One silver table written to a build's branch.
 *
 * @param table the table name
 * @param snapshotId the branch's snapshot holding exactly the build's rows
 * @param rows the rows of that snapshot
 * @param bytes the size of its data files
 */
public record WrittenBranch(String table, long snapshotId, long rows, long bytes) {

    public WrittenBranch {
        requireNonNull(table, "table is null");
    }
}
