package org.tanik.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.tanik.files.Content;

/** A {@link Content} over bytes in memory, for tests that do not need a vault. */
public record BytesContent(byte[] bytes) implements Content {
    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public InputStream open(long offset) {
        return new ByteArrayInputStream(bytes, (int) offset, (int) Math.max(0, bytes.length - offset));
    }
}
