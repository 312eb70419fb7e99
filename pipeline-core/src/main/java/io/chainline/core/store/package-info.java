/**
 * The object store: one {@link io.chainline.core.store.BlobStore} API over a local directory
 * ({@link io.chainline.core.store.LocalBlobStore}) and Google Cloud Storage
 * ({@link io.chainline.core.store.GcsBlobStore}), with atomic, conditional writes and deletes
 * ({@link io.chainline.core.store.WriteCondition}). {@link io.chainline.core.store.BlobStores#forUri} picks the
 * implementation from the configured root URI.
 */
package io.chainline.core.store;
