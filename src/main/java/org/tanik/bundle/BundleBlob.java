package org.tanik.bundle;

import java.util.Objects;
import org.tanik.crypto.Sha256;
import org.tanik.files.Content;

/**
 * An attachment to stream into a bundle: its size and SHA-256 are known in advance (they go into the
 * signed manifest before any content is written), and the writer checks both as the bytes pass, so a
 * source that changed since aborts the write instead of producing a bundle that lies.
 *
 * @param path    {@code attachments/<sha256>}
 * @param size    the content's exact length
 * @param sha256  64 lower-case hex digits of the content
 * @param content where the bytes are read from, from offset 0
 */
public record BundleBlob(String path, long size, String sha256, Content content) {
    public BundleBlob {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (size < 0 || size > TarWriter.MAX_SIZE) {
            throw new IllegalArgumentException("attachment size out of range");
        }
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (!EntryPaths.isAttachment(path)) {
            throw new IllegalArgumentException("not an attachment path: " + path);
        }
    }

    /** The blob of content named by its hash, at {@code attachments/<sha256>}. */
    public static BundleBlob of(String sha256, long size, Content content) {
        return new BundleBlob(EntryPaths.ATTACHMENTS + sha256, size, sha256, content);
    }

    @Override
    public String toString() {
        return "BundleBlob(" + path + ", " + size + " bytes)";
    }
}
