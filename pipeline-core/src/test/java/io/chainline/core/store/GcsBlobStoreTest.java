package io.chainline.core.store;

import java.net.URI;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import org.junit.jupiter.api.Test;

import static io.chainline.core.store.WriteCondition.always;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract against the in-memory GCS fake. The fake ignores delete preconditions, answers a stale write
 * generation with 404 and stamps generations with a millisecond clock; {@link GcsBlobStorePreconditionIT}
 * covers those paths against an HTTP stub that answers as GCS does.
 */
class GcsBlobStoreTest extends BlobStoreContractTest {
    private Storage storage;

    @Override
    BlobStore createStore() {
        storage = LocalStorageHelper.customOptions(false).getService();
        return new GcsBlobStore(storage, "chainline-bucket", "env/dev");
    }

    @Override
    boolean enforcesGenerationPreconditions() {
        return false;
    }

    @Override
    boolean distinctGenerationPerWrite() {
        return false;
    }

    @Test
    void objectsLiveUnderTheKeyPrefix() {
        store.write("silver/_manifest.json", bytes("{}"), always());

        assertThat(storage.get(BlobId.of("chainline-bucket", "env/dev/silver/_manifest.json")))
                .isNotNull();
        assertThat(store.root()).isEqualTo(URI.create("gs://chainline-bucket/env/dev/"));
        assertThat(store.uriOf("silver/_manifest.json"))
                .isEqualTo(URI.create("gs://chainline-bucket/env/dev/silver/_manifest.json"));
    }

    @Test
    void objectsOutsideThePrefixOrWithInvalidNamesAreNotListed() {
        storage.create(
                com.google.cloud.storage.BlobInfo.newBuilder(BlobId.of("chainline-bucket", "other/x"))
                        .build(),
                bytes("x"));
        storage.create(
                com.google.cloud.storage.BlobInfo.newBuilder(BlobId.of("chainline-bucket", "env/dev/folder/"))
                        .build(),
                new byte[0]);
        store.write("folder/kept", bytes("k"), always());

        assertThat(names(store.list(""))).containsExactly("folder/kept");
    }

    @Test
    void aStoreAtTheBucketRootUsesKeysAsNames() {
        BlobStore bucketRoot = new GcsBlobStore(storage, "chainline-bucket", "");
        bucketRoot.write("top", bytes("t"), always());

        assertThat(bucketRoot.root()).isEqualTo(URI.create("gs://chainline-bucket/"));
        assertThat(names(bucketRoot.list(""))).containsExactly("top");
        assertThat(storage.get(BlobId.of("chainline-bucket", "top"))).isNotNull();
    }

    @Test
    void objectsWrittenWithoutAGenerationStillGetAToken() {
        storage.create(
                com.google.cloud.storage.BlobInfo.newBuilder(BlobId.of("chainline-bucket", "env/dev/legacy"))
                        .build(),
                bytes("legacy"));

        BlobInfo info = store.stat("legacy").orElseThrow();

        assertThat(info.generation()).isNotBlank();
        assertThat(store.write("legacy", bytes("new"), WriteCondition.ifGeneration(info.generation())))
                .isFalse();
    }

    @Test
    void invalidBucketNamesAreRejected() {
        assertThatThrownBy(() -> new GcsBlobStore(storage, "a/b", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a/b'");
    }
}
