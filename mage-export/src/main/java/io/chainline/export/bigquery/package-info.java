/**
 * The BigQuery exporter: one load job per silver table from its gs:// Parquet files, verified by row count, or (method
 * {@code biglake-iceberg}) one BigLake external table per silver table over its Iceberg metadata file.
 */
package io.chainline.export.bigquery;
