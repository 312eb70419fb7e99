package io.chainline.core.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.google.cloud.storage.Storage;

import io.chainline.core.error.ConfigException;

import static java.util.Objects.requireNonNull;

/** Opens the {@link BlobStore} that a configured root URI names. */
public final class BlobStores {
    static final String ACCEPTED_FORMS = "accepted forms: gs://bucket, gs://bucket/prefix, file:/absolute/path, "
            + "file:relative/path, or a plain directory path";

    /** Bucket names per the GCS naming rules: 3-222 characters, lowercase letters, digits, '-', '_' and '.'. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");
    /** A URI scheme of two or more characters; a single letter is a Windows drive. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

    private BlobStores() {}

    /**
     * Where a store URI points, checked but not opened.
     *
     * @param uri the URI as configured
     * @param bucket the GCS bucket, or null for a local directory
     * @param prefix the object prefix inside the bucket ("" for none); unused for a local directory
     * @param directory the local directory, or null for GCS
     */
    public record Location(String uri, String bucket, String prefix, Path directory) {
        /** Whether this is a Google Cloud Storage location. */
        public boolean isGcs() {
            return bucket != null;
        }
    }

    /**
     * Checks {@code uri} without touching any store: {@code gs://bucket[/prefix]}, {@code file:/abs},
     * {@code file:///abs}, {@code file:rel}, {@code file:./rel} and plain paths (relative to the working directory).
     * Absolute {@code file:} URIs are percent-decoded ({@code file:/data%20dir}); plain paths are taken as written.
     *
     * @throws ConfigException naming the value and listing the accepted forms for anything else
     */
    public static Location parse(String uri) {
        requireNonNull(uri, "uri is null");
        String value = uri.strip();
        if (value.isEmpty()) {
            throw invalid(uri, "it is empty");
        }
        if (value.startsWith("gs://")) {
            return gcsLocation(uri, value.substring("gs://".length()));
        }
        if (value.startsWith("file:")) {
            return new Location(uri, null, "", localPath(uri, value));
        }
        var scheme = SCHEME.matcher(value);
        if (scheme.find()) {
            throw invalid(uri, "the scheme '" + scheme.group(1) + "' is not supported");
        }
        return new Location(uri, null, "", path(uri, value));
    }

    /**
     * The store for {@code uri} (see {@link #parse(String)}): a {@link GcsBlobStore} on the client from {@code gcs}
     * (asked for only then) or a {@link LocalBlobStore}.
     *
     * @throws ConfigException naming the value and listing the accepted forms for an unsupported URI
     */
    public static BlobStore forUri(String uri, Supplier<Storage> gcs) {
        requireNonNull(gcs, "gcs is null");
        Location location = parse(uri);
        if (location.isGcs()) {
            return new GcsBlobStore(
                    requireNonNull(gcs.get(), "the GCS client supplier returned null"),
                    location.bucket(),
                    location.prefix());
        }
        return new LocalBlobStore(location.directory());
    }

    private static Location gcsLocation(String uri, String location) {
        int slash = location.indexOf('/');
        String bucket = slash < 0 ? location : location.substring(0, slash);
        String prefix = slash < 0 ? "" : location.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw invalid(uri, "the bucket is missing");
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw invalid(
                    uri,
                    "'" + bucket + "' is not a valid bucket name (3-222 characters: lowercase letters, "
                            + "digits, '-', '_', '.'; starting and ending with a letter or digit)");
        }
        try {
            BlobNames.validatePrefix(prefix);
        } catch (IllegalArgumentException e) {
            throw invalid(uri, e.getMessage());
        }
        return new Location(uri, bucket, prefix, null);
    }

    private static Path localPath(String uri, String value) {
        String rest = value.substring("file:".length());
        if (rest.startsWith("//") && !rest.startsWith("///")) {
            throw invalid(uri, "file URIs with a host are not supported");
        }
        if (!rest.startsWith("/")) {
            return path(uri, rest);
        }
        try {
            return Path.of(new URI(value));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw invalid(uri, "it is not a valid file URI (" + e.getMessage() + ")");
        }
    }

    private static Path path(String uri, String value) {
        if (value.isEmpty()) {
            throw invalid(uri, "the path is empty");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw invalid(uri, "it is not a valid path (" + e.getMessage() + ")");
        }
    }

    /**
     * Why {@code uri} is not a store URI, if it is not: e.g. "the scheme 's3' is not supported; accepted forms: …".
     */
    public static Optional<String> whyInvalid(String uri) {
        try {
            parse(uri);
            return Optional.empty();
        } catch (InvalidStoreUri e) {
            return Optional.of(e.reason);
        }
    }

    private static ConfigException invalid(String uri, String problem) {
        return new InvalidStoreUri(uri, problem + "; " + ACCEPTED_FORMS);
    }

    /** A {@link ConfigException} that keeps the reason apart from the URI for callers that name the key. */
    private static final class InvalidStoreUri extends ConfigException {
        private static final long serialVersionUID = 1L;
        private final String reason;

        InvalidStoreUri(String uri, String reason) {
            super("Invalid object store URI '" + uri + "': " + reason);
            this.reason = reason;
        }
    }
}
