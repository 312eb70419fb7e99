package io.chainline.olap;

import java.net.URI;

import io.chainline.core.store.BlobStores;

import static java.util.Objects.requireNonNull;

/** A configured store root ({@code chainline.store.root}) as the URI Spark and the olap stage read. */
public final class StoreRootUri {

    private StoreRootUri() {}

    /**
     * {@code gs://bucket[/prefix]} as written; a {@code file:} URI or plain path as an absolute {@code file:} URI.
     *
     * @throws io.chainline.core.error.ConfigException naming the value when it is no store root
     */
    public static URI of(String root) {
        requireNonNull(root, "root is null");
        BlobStores.Location location = BlobStores.parse(root);
        if (location.isGcs()) {
            return URI.create(root.strip());
        }
        return location.directory().toAbsolutePath().normalize().toUri();
    }
}
