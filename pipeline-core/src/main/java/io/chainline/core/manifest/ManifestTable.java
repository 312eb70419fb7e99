package io.chainline.core.manifest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import static java.util.Objects.requireNonNull;

/**
 * One table of a published silver build, as the export pointer describes it.
 *
 * @param name the table name, e.g. {@code fact_order}
 * @param location the table's root, e.g. {@code gs://bkt/silver/fact_order}
 * @param uris the Parquet data files a loader reads: exactly the table's rows in this build
 * @param rowCount the number of rows
 * @param columns the schema, in column order
 * @param partitionColumns columns the files are partitioned by in directories of their own; empty for Iceberg tables,
 *     whose partitioning is hidden (the partition values are columns inside the files)
 * @param snapshotId the Iceberg snapshot of the build, or null for a table that is not an Iceberg table
 * @param metadataLocation the Iceberg metadata file of that snapshot's table state (what BigLake registers), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestTable(
        String name,
        String location,
        List<String> uris,
        long rowCount,
        List<ManifestColumn> columns,
        List<String> partitionColumns,
        Long snapshotId,
        String metadataLocation) {

    public ManifestTable {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        uris = List.copyOf(requireNonNull(uris, "uris is null"));
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        partitionColumns = List.copyOf(partitionColumns == null ? List.of() : partitionColumns);
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount of table " + name + " must be >= 0, got " + rowCount);
        }
    }

    /** A table of plain Parquet files, without an Iceberg snapshot. */
    public ManifestTable(
            String name,
            String location,
            List<String> uris,
            long rowCount,
            List<ManifestColumn> columns,
            List<String> partitionColumns) {
        this(name, location, uris, rowCount, columns, partitionColumns, null, null);
    }
}
