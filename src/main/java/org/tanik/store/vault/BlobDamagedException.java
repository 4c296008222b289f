package org.tanik.store.vault;

import java.io.IOException;

/**
 * A blob that does not open as written: altered, cut short, chunks reordered, or another blob's
 * file under this id. The message names the attachment id and what was found, never content.
 */
public final class BlobDamagedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String attachmentId;

    BlobDamagedException(String attachmentId, String what) {
        super("attachment blob " + attachmentId + " is damaged: " + what);
        this.attachmentId = attachmentId;
    }

    public String attachmentId() {
        return attachmentId;
    }
}
