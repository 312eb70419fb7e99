/**
 * The {@code csv} record source: {@link io.chainline.ingest.csv.CsvRecordSource} resolves files, directories and
 * globs to {@link io.chainline.ingest.csv.CsvFileInput}s, keyed by the SHA-256 of their bytes, whose readers stream
 * RFC 4180 records matched to the DataCo contract's header names.
 */
package io.chainline.ingest.csv;
