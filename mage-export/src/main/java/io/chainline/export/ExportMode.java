package io.chainline.export;

/** Where the silver tables are exported to ({@code chainline.export.mode}). */
public enum ExportMode {
    /** A DuckDB file on this machine. */
    LOCAL,
    /** BigQuery load jobs from the manifest's gs:// Parquet files. */
    BIGQUERY,
    /** The provisioned Mage pipeline, triggered through its API. */
    MAGE
}
