package io.chainline.core.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;

import static java.util.Objects.requireNonNull;

/** Translations between {@link GcsBlobStore} concepts and Google Cloud Storage client calls and values. */
final class GcsObjects {
    private static final String CONTENT_TYPE = "application/octet-stream";
    private static final Storage.BlobWriteOption[] NO_OPTIONS = new Storage.BlobWriteOption[0];

    private final Storage storage;
    private final String bucket;

    GcsObjects(Storage storage, String bucket) {
        this.storage = requireNonNull(storage, "storage is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
    }

    /** Every object whose key starts with {@code keyStart}, all pages. */
    Iterable<Blob> list(String keyStart) {
        Storage.BlobListOption[] options = keyStart.isEmpty()
                ? new Storage.BlobListOption[0]
                : new Storage.BlobListOption[] {Storage.BlobListOption.prefix(keyStart)};
        return storage.list(bucket, options).iterateAll();
    }

    static com.google.cloud.storage.BlobInfo blobInfo(String bucket, String key) {
        return com.google.cloud.storage.BlobInfo.newBuilder(BlobId.of(bucket, key))
                .setContentType(CONTENT_TYPE)
                .build();
    }

    /** The writer options for a condition, or empty when it cannot hold (a generation GCS never issues). */
    static Optional<Storage.BlobWriteOption[]> writeOptions(WriteCondition condition) {
        if (condition instanceof WriteCondition.IfAbsent) {
            return Optional.of(new Storage.BlobWriteOption[] {Storage.BlobWriteOption.doesNotExist()});
        }
        if (condition instanceof WriteCondition.IfGeneration ifGeneration) {
            return parseGeneration(ifGeneration.generation()).map(generation ->
                    new Storage.BlobWriteOption[] {Storage.BlobWriteOption.generationMatch(generation)});
        }
        return Optional.of(NO_OPTIONS);
    }

    /** A GCS generation number; empty for tokens GCS never issues (another store's, or the fallback form). */
    static Optional<Long> parseGeneration(String generation) {
        try {
            long number = Long.parseLong(generation);
            return number > 0 ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The generation token of an object. GCS always reports a generation; test doubles may not, in which case the
     * update time and metageneration stand in (a form {@link #parseGeneration} rejects, so conditions fail safe).
     */
    static String generation(Blob blob) {
        if (blob.getGeneration() != null) {
            return Long.toString(blob.getGeneration());
        }
        return "t" + updated(blob).toEpochMilli() + "-m"
                + (blob.getMetageneration() == null ? 0 : blob.getMetageneration());
    }

    static Instant updated(Blob blob) {
        OffsetDateTime updated = blob.getUpdateTimeOffsetDateTime();
        if (updated == null) {
            updated = blob.getCreateTimeOffsetDateTime();
        }
        return updated == null ? Instant.EPOCH : updated.toInstant();
    }
}
