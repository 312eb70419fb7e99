package io.chainline.core.manifest;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One table of a silver version.
 *
 * @param name the table name, e.g. {@code fact_order}
 * @param location the table's directory, e.g. {@code gs://bkt/silver/fact_order/20261125-120000-ab12/}
 * @param uris the Parquet files (or glob URIs) a loader reads, e.g. {@code …/*.parquet}
 * @param rowCount the number of rows written
 * @param columns the schema, in column order
 * @param partitionColumns columns the files are partitioned by (also kept inside the files)
 */
public record ManifestTable(
        String name,
        String location,
        List<String> uris,
        long rowCount,
        List<ManifestColumn> columns,
        List<String> partitionColumns) {

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
}
