package io.chainline.core.store;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * An object's metadata together with its whole content, read as one consistent generation.
 *
 * @param info the metadata of the generation that was read
 * @param content the bytes of that generation (copied in and out, so the value stays immutable)
 */
public record StoredBlob(BlobInfo info, byte[] content) {
    /** Checks the components and takes a private copy of the content. */
    public StoredBlob {
        requireNonNull(info, "info is null");
        requireNonNull(content, "content is null");
        content = content.clone();
    }

    /** Returns a copy of the content. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Compares metadata and content (by value). */
    @Override
    public boolean equals(Object other) {
        return other instanceof StoredBlob that && info.equals(that.info) && Arrays.equals(content, that.content);
    }

    /** Hashes metadata and content (by value). */
    @Override
    public int hashCode() {
        return 31 * info.hashCode() + Arrays.hashCode(content);
    }

    /** Shows the metadata and the content length, never the content itself. */
    @Override
    public String toString() {
        return "StoredBlob[info=" + info + ", content=" + content.length + " bytes]";
    }
}
