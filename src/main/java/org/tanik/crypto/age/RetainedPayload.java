package org.tanik.crypto.age;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * What a decryption can leave behind so that its payload can be read again later without the
 * recipient's identity: the payload key and the sealed STREAM chunks exactly as they were read.
 * The coordinator's archive keeps the chunks as they came and the key sealed in its vault, instead
 * of encrypting every record a second time. The key is a secret: {@link #destroy()} wipes it.
 */
public final class RetainedPayload {
    private final ByteArrayOutputStream chunks;
    private byte[] key;

    /** @param expectedSize a hint for the buffer, e.g. the file's size */
    public RetainedPayload(int expectedSize) {
        this.chunks = new ByteArrayOutputStream(Math.max(expectedSize, 64));
    }

    /** A copy of the payload key; the caller wipes it. Null until a decryption opened the payload. */
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    /** The sealed chunks read so far (the payload after the header and its nonce). */
    public byte[] chunks() {
        return chunks.toByteArray();
    }

    public int size() {
        return chunks.size();
    }

    public void destroy() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }

    void keep(byte[] payloadKey) {
        destroy();
        key = payloadKey.clone();
        chunks.reset();
    }

    /** Copies every byte the payload reader takes from {@code in}. */
    InputStream tap(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    chunks.write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    chunks.write(b, off, n);
                }
                return n;
            }
        };
    }
}
