package org.tanik.audio;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.tanik.files.Content;

/** Content over bytes in memory, for tests of what reads through {@link Content}. */
public final class BytesContent implements Content {

    private final byte[] bytes;
    private int opens;

    public BytesContent(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public synchronized InputStream open(long offset) {
        opens++;
        int from = (int) Math.min(offset, bytes.length);
        return new ByteArrayInputStream(bytes, from, bytes.length - from);
    }

    public synchronized int opens() {
        return opens;
    }
}
