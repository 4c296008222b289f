package org.tanik.crypto.age;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic pseudo-random test data of any length without holding it in memory:
 * a 1 MiB random block repeated. Cheap to generate and to verify at GB/s.
 */
public final class PatternData {
    static final int BLOCK = 1 << 20;
    private final byte[] block = new byte[BLOCK];

    public PatternData(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < BLOCK; i += 8) {
            long v = r.nextLong();
            for (int j = 0; j < 8; j++) {
                block[i + j] = (byte) (v >>> (8 * j));
            }
        }
    }

    /** Fills {@code buf[off..off+len)} with the bytes at stream position {@code pos}. */
    void fill(long pos, byte[] buf, int off, int len) {
        while (len > 0) {
            int p = (int) (pos % BLOCK);
            int n = Math.min(len, BLOCK - p);
            System.arraycopy(block, p, buf, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    /** True if {@code buf[off..off+len)} equals the pattern at {@code pos}. */
    boolean matches(long pos, byte[] buf, int off, int len) {
        while (len > 0) {
            int p = (int) (pos % BLOCK);
            int n = Math.min(len, BLOCK - p);
            if (!Arrays.equals(block, p, p + n, buf, off, off + n)) {
                return false;
            }
            pos += n;
            off += n;
            len -= n;
        }
        return true;
    }

    /** An InputStream of {@code size} pattern bytes. */
    public InputStream stream(long size) {
        return new InputStream() {
            long pos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - pos);
                fill(pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    /** Reads {@code in} to the end, checking it against the pattern; returns the byte count. */
    public long verify(InputStream in) throws IOException {
        byte[] buf = new byte[256 * 1024];
        long pos = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (!matches(pos, buf, 0, n)) {
                throw new IOException("plaintext mismatch near offset " + pos);
            }
            pos += n;
        }
        return pos;
    }
}
