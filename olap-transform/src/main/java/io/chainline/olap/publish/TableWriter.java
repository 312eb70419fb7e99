package io.chainline.olap.publish;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

import io.chainline.core.manifest.ManifestColumn;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.store.BlobInfo;
import io.chainline.core.store.BlobStore;
import io.chainline.olap.build.BuiltTable;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

/**
 * Writes a table's rows as Parquet into its version directory and lists the files it wrote. A partitioned table is
 * written with {@code partitionBy} on a copy of each partition column ({@code <column>_part}), so the column itself
 * stays inside the files and loaders that read the listed files with hive partitioning off still see it.
 */
public final class TableWriter {
    /** The suffix of the directory copy of a partition column. */
    public static final String PARTITION_COPY_SUFFIX = "_part";
    /** Rows per Parquet file of an unpartitioned table: few files for loaders to list, enough for parallel reads. */
    static final long ROWS_PER_FILE = 1_000_000;

    private final BlobStore store;
    private final String compression;

    /**
     * A writer into {@code store}.
     *
     * @param compression the Parquet codec name ({@code zstd}, {@code snappy})
     */
    public TableWriter(BlobStore store, String compression) {
        this.store = requireNonNull(store, "store is null");
        this.compression = requireNonNull(compression, "compression is null");
    }

    /**
     * Writes {@code rows} to {@code directory} (replacing what a failed attempt of the same run left there).
     *
     * Each partition value goes to one file; an unpartitioned table to one file per {@value #ROWS_PER_FILE} rows.
     *
     * @param partitionColumns columns of {@code rows} to partition the files by
     * @param rowCount the rows of {@code rows}, which decides the number of files of an unpartitioned table
     * @return the concrete Parquet files written, by name, with their sizes
     */
    public List<BlobInfo> write(Dataset<Row> rows, String directory, List<String> partitionColumns, long rowCount) {
        requireNonNull(rows, "rows is null");
        requireNonNull(directory, "directory is null");
        requireNonNull(partitionColumns, "partitionColumns is null");
        Dataset<Row> output = rows;
        List<String> copies = new ArrayList<>();
        for (String column : partitionColumns) {
            String copy = column + PARTITION_COPY_SUFFIX;
            output = output.withColumn(copy, col(column));
            copies.add(copy);
        }
        output = copies.isEmpty()
                ? output.coalesce((int) Math.max(1, (rowCount + ROWS_PER_FILE - 1) / ROWS_PER_FILE))
                : output.repartition(copies.stream().map(functions::col).toArray(Column[]::new));
        output.write()
                .mode(SaveMode.Overwrite)
                .option("compression", compression)
                .partitionBy(copies.toArray(String[]::new))
                .parquet(SilverLayout.directoryUri(store, directory).toString());
        return store.list(directory).stream().filter(TableWriter::isDataFile).toList();
    }

    /**
     * Writes a built table's data into its version directory for {@code runId}.
     *
     * @param rowCount the table's row count, as counted from the cached rows
     */
    public WrittenTable write(BuiltTable table, String runId, long rowCount) {
        requireNonNull(table, "table is null");
        String directory = SilverLayout.versionDirectory(table.name(), runId);
        Dataset<Row> data = table.data();
        List<BlobInfo> files = write(data, directory, table.partitionColumns(), rowCount);
        ManifestTable entry = new ManifestTable(
                table.name(),
                SilverLayout.directoryUri(store, directory).toString(),
                files.stream().map(file -> store.uriOf(file.name()).toString()).toList(),
                rowCount,
                columns(data),
                table.partitionColumns());
        long bytes = files.stream().mapToLong(BlobInfo::size).sum();
        return new WrittenTable(entry, bytes);
    }

    /** The schema of {@code rows} as manifest columns. */
    public static List<ManifestColumn> columns(Dataset<Row> rows) {
        List<ManifestColumn> columns = new ArrayList<>();
        for (StructField field : rows.schema().fields()) {
            columns.add(new ManifestColumn(field.name(), field.dataType().simpleString(), field.nullable()));
        }
        return columns;
    }

    private static boolean isDataFile(BlobInfo blob) {
        String name = blob.name();
        String file = name.substring(name.lastIndexOf('/') + 1);
        return file.endsWith(".parquet") && !file.startsWith(".") && !file.startsWith("_");
    }
}
