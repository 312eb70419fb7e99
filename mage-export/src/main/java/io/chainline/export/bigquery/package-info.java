/** The BigQuery exporter: one load job per silver table from its gs:// Parquet files, verified by row count. */
package io.chainline.export.bigquery;
