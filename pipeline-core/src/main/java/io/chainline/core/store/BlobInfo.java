package io.chainline.core.store;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Metadata of one stored object.
 *
 * @param name the object name relative to the store root (see {@link BlobNames})
 * @param size the content length in bytes
 * @param generation an opaque version token that changes on every write of this name; pass it to
 *     {@link WriteCondition#ifGeneration(String)} or {@link BlobStore#delete(String, String)}
 * @param updated when this generation was written
 */
public record BlobInfo(String name, long size, String generation, Instant updated) {
    /** Checks that every component is present and the size is not negative. */
    public BlobInfo {
        requireNonNull(name, "name is null");
        requireNonNull(generation, "generation is null");
        requireNonNull(updated, "updated is null");
        if (size < 0) {
            throw new IllegalArgumentException("Invalid size " + size + " for object '" + name + "': must be >= 0");
        }
    }
}
