package org.tanik.crypto.age;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * What a decryption can leave behind so that its payload can be read again later without the
 * recipient's identity: the payload key, and the sealed STREAM chunks copied to a sink exactly as
 * they were read. The coordinator's archive keeps the chunks as they came and the key sealed in
 * its vault, instead of encrypting every record a second time. The key is a secret:
 * {@link #destroy()} wipes it.
 */
public final class RetainedPayload {
    private final OutputStream sink;
    private byte[] key;
    private long size;

    /** @param sink receives the sealed chunks (the payload after the header and its nonce) */
    public RetainedPayload(OutputStream sink) {
        this.sink = sink;
    }

    /** A copy of the payload key; the caller wipes it. Null until a decryption opened the payload. */
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    /** How many bytes of sealed chunks went to the sink. */
    public long size() {
        return size;
    }

    public void destroy() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }

    void keep(byte[] payloadKey) {
        destroy();
        key = payloadKey.clone();
    }

    /** Copies every byte the payload reader takes from {@code in} to the sink. */
    InputStream tap(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    sink.write(b);
                    size++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    sink.write(b, off, n);
                    size += n;
                }
                return n;
            }
        };
    }
}
