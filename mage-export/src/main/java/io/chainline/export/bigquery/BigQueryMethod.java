package io.chainline.export.bigquery;

/**
 * How the BigQuery exporter brings the silver tables into BigQuery ({@code chainline.export.bigquery.method},
 * written in kebab-case: {@code load}, {@code biglake-iceberg}).
 */
public enum BigQueryMethod {
    /** {@code load}: one load job per table copies the build's Parquet files into a native BigQuery table. */
    LOAD,
    /**
     * {@code biglake-iceberg}: one BigLake external table per table reads the build's Iceberg metadata file through
     * a BigLake connection; no data is copied.
     */
    BIGLAKE_ICEBERG
}
