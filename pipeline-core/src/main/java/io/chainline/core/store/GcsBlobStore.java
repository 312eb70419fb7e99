package io.chainline.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;

import static java.util.Objects.requireNonNull;

/**
 * A {@link BlobStore} over {@code gs://bucket/prefix}; object {@code a/b} is the GCS object {@code prefix/a/b}.
 * Every write is a resumable upload through {@link Storage#writer}, committed only when complete; conditions map
 * to GCS preconditions ({@code ifGenerationMatch=0} for absent-only, {@code ifGenerationMatch=g} otherwise), so they
 * are enforced by the service. The {@link Storage} client is borrowed and not closed by {@link #close()}.
 */
public final class GcsBlobStore implements BlobStore {
    private static final Logger log = LoggerFactory.getLogger(GcsBlobStore.class);
    private static final int READ_ATTEMPTS = 5;
    private static final int COPY_BUFFER_BYTES = 1 << 20;

    private final Storage storage;
    private final String bucket;
    private final String keyPrefix;
    private final GcsObjects objects;

    /**
     * A store over {@code gs://bucket/prefix}.
     *
     * @param prefix the key prefix under the bucket, following the object name rules, or {@code ""} for the bucket
     *     root; a trailing '/' is ignored
     */
    public GcsBlobStore(Storage storage, String bucket, String prefix) {
        this.storage = requireNonNull(storage, "storage is null");
        this.bucket = requireNonNull(bucket, "bucket is null");
        if (bucket.isEmpty() || bucket.contains("/")) {
            throw new IllegalArgumentException("Invalid bucket name '" + bucket + "': must be non-empty without '/'");
        }
        BlobNames.validatePrefix(prefix);
        this.keyPrefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        this.objects = new GcsObjects(storage, bucket);
    }

    @Override
    public URI root() {
        return gsUri(keyPrefix);
    }

    @Override
    public URI uriOf(String name) {
        return gsUri(key(name));
    }

    @Override
    public boolean write(String name, byte[] content, WriteCondition condition) {
        requireNonNull(content, "content is null");
        return upload(name, condition, channel -> writeFully(channel, ByteBuffer.wrap(content)));
    }

    @Override
    public boolean write(String name, Path localFile, WriteCondition condition) {
        requireNonNull(localFile, "localFile is null");
        if (!Files.isRegularFile(localFile)) {
            throw new ChainlineException("Cannot upload " + localFile + " to " + uriOf(name) + ": not a readable file");
        }
        return upload(name, condition, channel -> {
            try (FileChannel in = FileChannel.open(localFile, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER_BYTES);
                while (in.read(buffer) >= 0) {
                    buffer.flip();
                    writeFully(channel, buffer);
                    buffer.clear();
                }
            }
        });
    }

    @Override
    public Optional<BlobInfo> stat(String name) {
        String key = key(name);
        try {
            return Optional.ofNullable(storage.get(BlobId.of(bucket, key))).map(blob -> info(name, blob));
        } catch (StorageException e) {
            throw GcsErrors.translate("stat", gsUri(key), e);
        }
    }

    @Override
    public Optional<StoredBlob> read(String name) {
        String key = key(name);
        try {
            // Reading the generation just stat'ed keeps metadata and content consistent; 404 means it was replaced.
            for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
                Blob blob = storage.get(BlobId.of(bucket, key));
                if (blob == null) {
                    return Optional.empty();
                }
                try {
                    byte[] content = storage.readAllBytes(BlobId.of(bucket, key, blob.getGeneration()));
                    return Optional.of(new StoredBlob(info(name, blob), content));
                } catch (StorageException e) {
                    if (!GcsErrors.isNotFound(e)) {
                        throw e;
                    }
                }
            }
        } catch (StorageException e) {
            throw GcsErrors.translate("read", gsUri(key), e);
        }
        throw new ChainlineException(
                "Could not read " + gsUri(key) + ": it was replaced during each of " + READ_ATTEMPTS + " attempts");
    }

    @Override
    public InputStream open(String name) {
        String key = key(name);
        try {
            Blob blob = storage.get(BlobId.of(bucket, key));
            if (blob == null) {
                throw new ChainlineException("Cannot open " + gsUri(key) + ": no such object");
            }
            ReadChannel reader = storage.reader(BlobId.of(bucket, key, blob.getGeneration()));
            return Channels.newInputStream(reader);
        } catch (StorageException e) {
            throw GcsErrors.translate("open", gsUri(key), e);
        }
    }

    @Override
    public List<BlobInfo> list(String prefix) {
        BlobNames.validatePrefix(prefix);
        String keyStart = keyPrefix + prefix;
        List<BlobInfo> found = new ArrayList<>();
        try {
            for (Blob blob : objects.list(keyStart)) {
                String name = blob.getName().substring(keyPrefix.length());
                if (BlobNames.isValid(name)) {
                    found.add(info(name, blob));
                } else {
                    log.debug("Skipping {}: not a valid object name", gsUri(blob.getName()));
                }
            }
        } catch (StorageException e) {
            throw GcsErrors.translate("list", gsUri(keyStart), e);
        }
        found.sort(Comparator.comparing(BlobInfo::name));
        return List.copyOf(found);
    }

    @Override
    public boolean delete(String name) {
        String key = key(name);
        try {
            return storage.delete(BlobId.of(bucket, key));
        } catch (StorageException e) {
            throw GcsErrors.translate("delete", gsUri(key), e);
        }
    }

    @Override
    public boolean delete(String name, String generation) {
        requireNonNull(generation, "generation is null");
        String key = key(name);
        Optional<Long> number = GcsObjects.parseGeneration(generation);
        if (number.isEmpty()) {
            return false;
        }
        try {
            return storage.delete(BlobId.of(bucket, key), Storage.BlobSourceOption.generationMatch(number.get()));
        } catch (StorageException e) {
            if (GcsErrors.isPreconditionFailure(e)) {
                return false;
            }
            throw GcsErrors.translate("delete", gsUri(key), e);
        }
    }

    /** Does nothing: the {@link Storage} client belongs to whoever created it. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "GcsBlobStore[" + root() + "]";
    }

    /** Streams the content of a new object into an open upload. */
    @FunctionalInterface
    private interface ContentWriter {
        void writeTo(WriteChannel channel) throws IOException;
    }

    private boolean upload(String name, WriteCondition condition, ContentWriter content) {
        requireNonNull(condition, "condition is null");
        String key = key(name);
        Optional<Storage.BlobWriteOption[]> options = GcsObjects.writeOptions(condition);
        if (options.isEmpty()) {
            return false;
        }
        try {
            // Not try-with-resources: closing commits the upload, so a failed upload is abandoned, never closed.
            WriteChannel channel = storage.writer(GcsObjects.blobInfo(bucket, key), options.get());
            content.writeTo(channel);
            channel.close();
            return true;
        } catch (IOException | RuntimeException e) {
            Optional<StorageException> storageFailure = GcsErrors.storageException(e);
            if (storageFailure.isPresent() && GcsErrors.isPreconditionFailure(storageFailure.get())) {
                return false;
            }
            throw GcsErrors.translate("write", gsUri(key), e);
        }
    }

    private static void writeFully(WriteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private BlobInfo info(String name, Blob blob) {
        Instant updated = GcsObjects.updated(blob);
        long size = blob.getSize() == null ? 0 : blob.getSize();
        return new BlobInfo(name, size, GcsObjects.generation(blob), updated);
    }

    private String key(String name) {
        return keyPrefix + BlobNames.validate(name);
    }

    private URI gsUri(String key) {
        try {
            return new URI("gs", bucket, "/" + key, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "Cannot form a gs:// URI for bucket '" + bucket + "' and object '" + key + "': " + e.getMessage(),
                    e);
        }
    }
}
