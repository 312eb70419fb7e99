package io.chainline.core.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.util.Optional;

import com.google.cloud.storage.StorageException;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.error.RetriableException;

/** Classifies Google Cloud Storage failures for {@link GcsBlobStore}. */
final class GcsErrors {
    static final int PRECONDITION_FAILED = 412;
    static final int NOT_FOUND = 404;
    private static final int TOO_MANY_REQUESTS = 429;

    private GcsErrors() {}

    /** The first {@link StorageException} in the cause chain of {@code failure}, if any. */
    static Optional<StorageException> storageException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StorageException storage) {
                return Optional.of(storage);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the failure is a failed precondition: HTTP 412, or the in-memory test double's way of rejecting
     * an absent-only write (a {@link FileAlreadyExistsException} cause).
     */
    static boolean isPreconditionFailure(StorageException e) {
        if (e.getCode() == PRECONDITION_FAILED) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof FileAlreadyExistsException) {
                return true;
            }
        }
        return false;
    }

    static boolean isNotFound(StorageException e) {
        return e.getCode() == NOT_FOUND;
    }

    /**
     * Maps a failure to {@link RetriableException} (retryable, 429, 5xx, or an I/O error without an HTTP status) or
     * {@link ChainlineException}, keeping the cause and naming the action and the object URI.
     */
    static ChainlineException translate(String action, URI uri, Throwable failure) {
        Optional<StorageException> storage = storageException(failure);
        if (storage.isEmpty()) {
            String message = "Could not " + action + " " + uri + ": " + failure;
            return failure instanceof IOException
                    ? new RetriableException(message, failure)
                    : new ChainlineException(message, failure);
        }
        StorageException e = storage.get();
        int code = e.getCode();
        String message =
                "Could not " + action + " " + uri + ": " + e.getMessage() + (code > 0 ? " (HTTP " + code + ")" : "");
        boolean retryable = e.isRetryable() || code == TOO_MANY_REQUESTS || code >= 500;
        return retryable ? new RetriableException(message, failure) : new ChainlineException(message, failure);
    }
}
