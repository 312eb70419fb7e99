package io.chainline.olap.publish;

import io.chainline.core.manifest.ManifestTable;

import static java.util.Objects.requireNonNull;

/**
 * One table written as a silver version.
 *
 * @param manifest its manifest entry: location, concrete file URIs, row count, schema, partition columns
 * @param bytes the bytes of its Parquet files
 */
public record WrittenTable(ManifestTable manifest, long bytes) {

    public WrittenTable {
        requireNonNull(manifest, "manifest is null");
    }
}
