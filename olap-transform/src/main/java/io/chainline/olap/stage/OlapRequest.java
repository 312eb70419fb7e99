package io.chainline.olap.stage;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * What one star-schema build reads and where it publishes.
 *
 * @param rawRoot the store root whose {@code raw_streaming/} is read ({@code gs://bucket[/prefix]/} or a file: URI)
 * @param silverRoot the store root under which {@code silver/} is written and {@code silver/_manifest.json} published
 */
public record OlapRequest(URI rawRoot, URI silverRoot) {

    public OlapRequest {
        requireNonNull(rawRoot, "rawRoot is null");
        requireNonNull(silverRoot, "silverRoot is null");
    }
}
