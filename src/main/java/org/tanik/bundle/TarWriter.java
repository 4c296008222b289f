package org.tanik.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.tanik.crypto.Sha256;

/**
 * Writes a POSIX ustar archive: one 512-byte header per regular file, the content padded with zeros
 * to a 512-byte boundary, and two zero blocks at the end. Uncompressed on purpose: compression
 * before encryption leaks content through length, and a compressed layer would be the bomb.
 * Headers are fully deterministic (mode 0644, owner 0, empty user names, mtime = bundle time).
 * Public for the vault's backups ({@code store.VaultBackups}), which are the same kind of archive.
 */
public final class TarWriter {
    static final int BLOCK = 512;
    /** The largest size 11 octal digits can state (8 GiB - 1). */
    static final long MAX_SIZE = 077777777777L;
    static final int CHECKSUM_OFFSET = 148;

    private final OutputStream out;
    private final long mtime;

    public TarWriter(OutputStream out, long mtime) {
        this.out = out;
        this.mtime = Math.max(0, Math.min(mtime, MAX_SIZE));
    }

    void add(String name, byte[] content) throws IOException {
        out.write(header(name, content.length, mtime, (byte) '0'));
        out.write(content);
        out.write(new byte[padding(content.length)]);
    }

    /**
     * Streams {@code size} bytes from {@code in} as one entry, checking as they pass that there are
     * exactly that many and that their SHA-256 is {@code sha256}: the manifest, already signed and
     * written, promised both. A source that says otherwise aborts the archive with an IOException.
     */
    void add(String name, long size, String sha256, InputStream in) throws IOException {
        out.write(header(name, size, mtime, (byte) '0'));
        MessageDigest digest = Sha256.digest();
        byte[] buffer = new byte[1 << 16];
        long left = size;
        try {
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new BlobMismatchException(name, "shorter than");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                left -= n;
            }
            if (in.read() >= 0) {
                throw new BlobMismatchException(name, "longer than");
            }
        } finally {
            java.util.Arrays.fill(buffer, (byte) 0);
        }
        if (!Sha256.hex(digest).equals(sha256)) {
            throw new BlobMismatchException(name, "hash differs from");
        }
        out.write(new byte[padding(size)]);
    }

    /**
     * Streams exactly {@code size} bytes from {@code in} as one entry (a file whose size was read
     * just before, and that nobody may change meanwhile); a source of another length aborts the
     * archive with an IOException rather than writing an entry that disagrees with its header.
     */
    public void add(String name, long size, InputStream in) throws IOException {
        out.write(header(name, size, mtime, (byte) '0'));
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException(name + " is shorter than its size");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
        if (in.read() >= 0) {
            throw new IOException(name + " is longer than its size");
        }
        out.write(new byte[padding(size)]);
    }

    /** The end-of-archive marker: two zero blocks. Nothing follows it. */
    public void finish() throws IOException {
        out.write(new byte[2 * BLOCK]);
        out.flush();
    }

    static int padding(long size) {
        return (int) ((BLOCK - (size % BLOCK)) % BLOCK);
    }

    /** One ustar header block; the type flag is a parameter only so tests can build hostile archives. */
    static byte[] header(String name, long size, long mtime, byte type) {
        byte[] h = new byte[BLOCK];
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        if (n.length > 100) {
            throw new IllegalArgumentException("name longer than 100 bytes");
        }
        System.arraycopy(n, 0, h, 0, n.length);
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        h[156] = type;
        ascii(h, 257, "ustar\0");
        ascii(h, 263, "00");
        octal(h, 329, 8, 0);
        octal(h, 337, 8, 0);
        // The checksum is computed with its own field read as eight spaces.
        ascii(h, CHECKSUM_OFFSET, "        ");
        String sum = String.format("%06o", checksum(h));
        ascii(h, CHECKSUM_OFFSET, sum + "\0 ");
        return h;
    }

    static long checksum(byte[] header) {
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            boolean inField = i >= CHECKSUM_OFFSET && i < CHECKSUM_OFFSET + 8;
            sum += inField ? ' ' : header[i] & 0xff;
        }
        return sum;
    }

    /** {@code len - 1} octal digits, zero-filled, then NUL. */
    private static void octal(byte[] h, int off, int len, long value) {
        String digits = Long.toOctalString(value);
        if (value < 0 || digits.length() > len - 1) {
            throw new IllegalArgumentException("value does not fit the tar field");
        }
        ascii(h, off, "0".repeat(len - 1 - digits.length()) + digits);
        h[off + len - 1] = 0;
    }

    private static void ascii(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }
}
