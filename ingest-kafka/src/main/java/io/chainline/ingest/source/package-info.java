/**
 * The record source SPI: {@link io.chainline.ingest.source.RecordSource}s describe
 * {@link io.chainline.ingest.source.SourceInput}s, whose {@link io.chainline.ingest.source.SourceReader}s stream
 * {@link io.chainline.ingest.source.SourceRow}s, each carrying the position to commit once it is durable.
 */
package io.chainline.ingest.source;
