package io.chainline.core.store;

import com.google.cloud.storage.Storage;
import io.chainline.core.error.ConfigException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** Opens the {@link BlobStore} that a configured root URI names. */
public final class BlobStores {
    static final String ACCEPTED_FORMS = "accepted forms: gs://bucket, gs://bucket/prefix, file:/absolute/path, "
            + "file:relative/path, or a plain directory path";

    /** Bucket names per the GCS naming rules: 3-222 characters, lowercase letters, digits, '-', '_' and '.'. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");
    /** A URI scheme of two or more characters; a single letter is a Windows drive. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

    private BlobStores() {
    }

    /**
     * The store for {@code uri}: {@code gs://bucket[/prefix]} gives a {@link GcsBlobStore} on the client from
     * {@code gcs} (asked for only then); {@code file:/abs}, {@code file:///abs}, {@code file:rel},
     * {@code file:./rel} and plain paths give a {@link LocalBlobStore} (relative to the working directory).
     * Absolute {@code file:} URIs are percent-decoded ({@code file:/data%20dir}); plain paths are taken as written.
     *
     * @throws ConfigException naming the value and listing the accepted forms for anything else
     */
    public static BlobStore forUri(String uri, Supplier<Storage> gcs) {
        requireNonNull(uri, "uri is null");
        requireNonNull(gcs, "gcs is null");
        String value = uri.strip();
        if (value.isEmpty()) {
            throw invalid(uri, "it is empty");
        }
        if (value.startsWith("gs://")) {
            return gcsStore(uri, value.substring("gs://".length()), gcs);
        }
        if (value.startsWith("file:")) {
            return new LocalBlobStore(localPath(uri, value));
        }
        var scheme = SCHEME.matcher(value);
        if (scheme.find()) {
            throw invalid(uri, "the scheme '" + scheme.group(1) + "' is not supported");
        }
        return new LocalBlobStore(path(uri, value));
    }

    private static BlobStore gcsStore(String uri, String location, Supplier<Storage> gcs) {
        int slash = location.indexOf('/');
        String bucket = slash < 0 ? location : location.substring(0, slash);
        String prefix = slash < 0 ? "" : location.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw invalid(uri, "the bucket is missing");
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw invalid(uri, "'" + bucket + "' is not a valid bucket name (3-222 characters: lowercase letters, "
                    + "digits, '-', '_', '.'; starting and ending with a letter or digit)");
        }
        try {
            BlobNames.validatePrefix(prefix);
        } catch (IllegalArgumentException e) {
            throw invalid(uri, e.getMessage());
        }
        return new GcsBlobStore(requireNonNull(gcs.get(), "the GCS client supplier returned null"), bucket, prefix);
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

    private static ConfigException invalid(String uri, String problem) {
        return new ConfigException("Invalid object store URI '" + uri + "': " + problem + "; " + ACCEPTED_FORMS);
    }
}
