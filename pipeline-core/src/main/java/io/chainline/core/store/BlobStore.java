package io.chainline.core.store;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A flat namespace of immutable-per-generation objects under one root: a local directory or a
 * {@code gs://bucket/prefix}. Names are relative and '/'-separated (validated by {@link BlobNames}; an invalid name
 * is an {@link IllegalArgumentException}). Every write is all-or-nothing: readers see the old content or the new,
 * never a part. Failures of the backing system surface as {@link io.chainline.core.error.RetriableException} when
 * a retry may help, otherwise as {@link io.chainline.core.error.ChainlineException}; messages name the object URI.
 * Implementations are thread-safe.
 */
public interface BlobStore extends AutoCloseable {
    /** The root of this store, ending in '/' ({@code gs://bucket/prefix/} or {@code file:///abs/root/}). */
    URI root();

    /** The absolute URI of the object {@code name} ({@code gs://bucket/prefix/name} or {@code file:///abs/root/name}). */
    URI uriOf(String name);

    /**
     * Writes {@code content} as object {@code name} if {@code condition} holds.
     *
     * @return {@code false} if the condition failed (nothing was written)
     */
    boolean write(String name, byte[] content, WriteCondition condition);

    /**
     * Streams the local file {@code localFile} into object {@code name} if {@code condition} holds; for large files.
     *
     * @return {@code false} if the condition failed (nothing was written)
     */
    boolean write(String name, Path localFile, WriteCondition condition);

    /** The metadata of object {@code name}, or empty if it does not exist. */
    Optional<BlobInfo> stat(String name);

    /** The metadata and whole content of object {@code name} (one generation), or empty if it does not exist. */
    Optional<StoredBlob> read(String name);

    /**
     * Opens object {@code name} for streaming; the caller closes the stream.
     *
     * @throws io.chainline.core.error.ChainlineException naming the URI if the object does not exist
     */
    InputStream open(String name);

    /**
     * Every object whose name starts with {@code prefix} (any depth), sorted by name; {@code ""} lists all.
     * The prefix follows the name rules but may be empty or end with '/'. The store's own temporary and lock files
     * never appear.
     */
    List<BlobInfo> list(String prefix);

    /**
     * Deletes object {@code name}.
     *
     * @return {@code false} if it did not exist
     */
    boolean delete(String name);

    /**
     * Deletes object {@code name} only if its current generation is {@code generation}.
     *
     * @return {@code false} if it did not exist or has another generation
     */
    boolean delete(String name, String generation);

    /** Releases resources held by this store; a store given a client does not close that client. */
    @Override
    void close();
}
