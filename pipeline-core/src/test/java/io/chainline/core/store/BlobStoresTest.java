package io.chainline.core.store;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.chainline.core.error.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlobStoresTest {
    private static final String FORMS = "accepted forms: gs://bucket, gs://bucket/prefix, file:/absolute/path, "
            + "file:relative/path, or a plain directory path";

    @TempDir
    Path dir;

    private final AtomicInteger clientsMade = new AtomicInteger();
    private final Supplier<Storage> gcs = () -> {
        clientsMade.incrementAndGet();
        return LocalStorageHelper.customOptions(false).getService();
    };

    @Test
    void gsBucketGivesAGcsStoreAtTheBucketRoot() {
        try (BlobStore store = BlobStores.forUri("gs://chainline-data", gcs)) {
            assertThat(store).isInstanceOf(GcsBlobStore.class);
            assertThat(store.root()).isEqualTo(URI.create("gs://chainline-data/"));
        }
        assertThat(clientsMade).hasValue(1);
    }

    @Test
    void gsBucketWithPrefixGivesAGcsStoreUnderThePrefix() {
        try (BlobStore store = BlobStores.forUri("gs://chainline-data/env/prod/", gcs)) {
            assertThat(store).isInstanceOf(GcsBlobStore.class);
            assertThat(store.uriOf("silver/_lock")).isEqualTo(URI.create("gs://chainline-data/env/prod/silver/_lock"));
        }
    }

    @Test
    void fileUrisAndPlainPathsGiveLocalStoresWithoutAskingForAGcsClient() {
        Path absolute = dir.resolve("abs").toAbsolutePath();
        assertLocal(BlobStores.forUri("file:" + absolute, gcs), absolute);
        assertLocal(BlobStores.forUri(absolute.resolve("x").toUri().toString(), gcs), absolute.resolve("x"));
        assertLocal(BlobStores.forUri(absolute.resolve("plain").toString(), gcs), absolute.resolve("plain"));
        assertThat(clientsMade).hasValue(0);
    }

    @Test
    void relativeFormsResolveAgainstTheWorkingDirectory() {
        Path cwd = Path.of("").toAbsolutePath();
        String relative = "target/blob-stores-test/" + dir.getFileName();
        assertLocal(
                BlobStores.forUri("file:./" + relative + "/a", gcs),
                cwd.resolve(relative).resolve("a"));
        assertLocal(
                BlobStores.forUri("file:" + relative + "/b", gcs),
                cwd.resolve(relative).resolve("b"));
        assertLocal(
                BlobStores.forUri(relative + "/c", gcs), cwd.resolve(relative).resolve("c"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "s3://bucket/x|the scheme 's3' is not supported",
                "http://example.com/store|the scheme 'http' is not supported",
                "hdfs:/data|the scheme 'hdfs' is not supported",
                "gs://|the bucket is missing",
                "gs:///prefix|the bucket is missing",
                "gs://Bad_Bucket|'Bad_Bucket' is not a valid bucket name",
                "gs://bucket/a//b|Invalid object name prefix 'a//b'",
                "gs://bucket/../x|'..' segments are not allowed",
                "file://host/data|file URIs with a host are not supported",
                "file:|the path is empty",
            })
    void rejectsOtherFormsNamingTheValueAndTheAcceptedForms(String uri, String problem) {
        assertThatThrownBy(() -> BlobStores.forUri(uri, gcs))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Invalid object store URI '" + uri + "': ")
                .hasMessageContaining(problem)
                .hasMessageEndingWith(FORMS);
        assertThat(clientsMade).hasValue(0);
    }

    @Test
    void rejectsAnEmptyValue() {
        assertThatThrownBy(() -> BlobStores.forUri("  ", gcs))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid object store URI '  ': it is empty; " + FORMS);
    }

    private static void assertLocal(BlobStore store, Path expectedRoot) {
        try (store) {
            assertThat(store).isInstanceOf(LocalBlobStore.class);
            assertThat(Path.of(store.root())).isEqualTo(expectedRoot);
            assertThat(expectedRoot).isDirectory();
        }
    }
}
