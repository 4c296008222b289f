package org.tanik.ui.common.viewers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicInteger;
import org.tanik.files.Content;

/** A {@link Content} in memory for viewer tests; counts how often it was opened, and can fail as altered bytes do. */
public final class BytesContent implements Content {

    private final byte[] bytes;
    final AtomicInteger opened = new AtomicInteger();
    volatile boolean altered;

    public BytesContent(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open(long offset) throws IOException {
        opened.incrementAndGet();
        if (altered) {
            throw new IOException("authentication failed");
        }
        return new ByteArrayInputStream(bytes, (int) offset, bytes.length - (int) offset);
    }
}
