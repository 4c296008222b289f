package org.tanik.bundle;

import java.io.IOException;

/**
 * An attachment's content did not have the size or SHA-256 it was given for the manifest: the
 * source changed or is damaged. The write stops there, so the output is no bundle. The message names
 * the entry path (a content hash) and what differed, never content.
 */
public final class BlobMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String path;

    BlobMismatchException(String path, String what) {
        super("attachment " + what + " its manifest entry: " + path);
        this.path = path;
    }

    /** The entry path, {@code attachments/<sha256>}. */
    public String path() {
        return path;
    }
}
