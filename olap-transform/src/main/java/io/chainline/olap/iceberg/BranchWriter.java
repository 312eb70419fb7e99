package io.chainline.olap.iceberg;

import java.util.List;
import java.util.Map;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import io.chainline.core.error.DataQualityException;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.lit;

/**
 * Writes one table of a build to the build's branch, replacing its rows there (copy-on-write: the snapshot's data
 * files hold exactly the new rows), then audits the branch: the snapshot's record count must equal the rows counted
 * when the table was built. Nothing on {@code main} changes.
 */
public final class BranchWriter {
    /** Rows per Parquet file of an unpartitioned table: few files for loaders to list, enough for parallel reads. */
    static final long ROWS_PER_FILE = 1_000_000;

    private final SilverCatalog catalog;
    private final SilverTables tables;

    /** A writer into the tables of {@code catalog}. */
    public BranchWriter(SilverCatalog catalog, SilverTables tables) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.tables = requireNonNull(tables, "tables is null");
    }

    /**
     * Writes {@code rows} as table {@code name} of build {@code buildId}.
     *
     * @param rowCount the rows of {@code rows}, as counted by the build's checks
     * @param partitioning the table's partition transforms, used when it is created
     * @param summary extra snapshot summary properties (the build id is always recorded)
     */
    public WrittenBranch write(
            String name,
            Dataset<Row> rows,
            long rowCount,
            List<String> partitioning,
            String buildId,
            Map<String, String> summary) {
        requireNonNull(rows, "rows is null");
        StructType schema = rows.schema();
        Table table = tables.prepare(name, schema, partitioning);
        String branch = BuildRefs.branch(buildId);
        long base = table.currentSnapshot().snapshotId();
        if (table.refs().containsKey(branch)) {
            table.manageSnapshots().replaceBranch(branch, base).commit();
        } else {
            table.manageSnapshots().createBranch(branch, base).commit();
        }
        Dataset<Row> output = SilverTables.align(rows, table);
        if (table.spec().isUnpartitioned()) {
            output = output.coalesce((int) Math.max(1, (rowCount + ROWS_PER_FILE - 1) / ROWS_PER_FILE));
        }
        var writer = output.writeTo(catalog.sparkBranch(name, branch))
                .option("snapshot-property." + BuildRefs.BUILD_ID, buildId);
        for (Map.Entry<String, String> property : summary.entrySet()) {
            writer = writer.option("snapshot-property." + property.getKey(), property.getValue());
        }
        try {
            writer.overwrite(lit(true));
        } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new IllegalStateException("Silver table " + catalog.sparkTable(name) + " vanished while writing", e);
        }
        table.refresh();
        Snapshot written = table.snapshot(branch);
        long records = Long.parseLong(written.summary().getOrDefault("total-records", "-1"));
        if (records != rowCount) {
            throw new DataQualityException(
                    "Audit of silver table " + name + " on branch " + branch + " failed: its" + " snapshot "
                            + written.snapshotId() + " holds " + records + " rows, the build counted " + rowCount);
        }
        long bytes = Long.parseLong(written.summary().getOrDefault("total-files-size", "0"));
        return new WrittenBranch(name, written.snapshotId(), records, bytes);
    }
}
