package io.chainline.olap.publish;

import java.util.Optional;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.core.store.BlobInfo;
import io.chainline.core.store.BlobStore;
import io.chainline.core.store.WriteCondition;

import static java.util.Objects.requireNonNull;

/**
 * Replaces {@code silver/_manifest.json} in one conditional write: on the generation read just before (or only if
 * absent), so a manifest published meanwhile by anyone else is never overwritten unseen.
 */
public final class ManifestPublisher {
    private final BlobStore store;

    /** A publisher into {@code store}. */
    public ManifestPublisher(BlobStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** The run id of the published version, if any. */
    public Optional<String> publishedRunId() {
        return SilverManifest.read(store).map(SilverManifest::runId);
    }

    /**
     * Publishes {@code manifest}.
     *
     * @throws ChainlineException when the manifest changed between reading its generation and writing
     */
    public void publish(SilverManifest manifest) {
        requireNonNull(manifest, "manifest is null");
        Optional<BlobInfo> current = store.stat(SilverManifest.OBJECT_NAME);
        WriteCondition condition = current.map(info -> WriteCondition.ifGeneration(info.generation()))
                .orElse(WriteCondition.ifAbsent());
        if (!store.write(SilverManifest.OBJECT_NAME, manifest.toJson(), condition)) {
            throw new ChainlineException("Cannot publish silver version " + manifest.runId() + ": "
                    + store.uriOf(SilverManifest.OBJECT_NAME) + " changed while publishing (expected generation "
                    + current.map(BlobInfo::generation).orElse("none") + "); is another publisher running without"
                    + " the lock?");
        }
    }
}
