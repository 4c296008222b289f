package org.tanik.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Bytes that can be read from any offset without being held in memory or written in plaintext
 * anywhere: an attachment decrypted chunk by chunk from the vault, or from an archived bundle's
 * payload. Viewers and players read through this; each {@link #open} is independent.
 */
public interface Content {

    /** The length in bytes. */
    long size();

    /**
     * A stream of the bytes from {@code offset} to the end; the caller closes it. Reading fails
     * with an {@link IOException} if the stored bytes were altered or cut short.
     */
    InputStream open(long offset) throws IOException;
}
