package org.tanik.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.tanik.bundle.BundleException.Reason;

/**
 * Reads the ustar archive inside a bundle, accepting exactly what {@link TarWriter} produces: regular
 * files with well-formed octal fields and a correct checksum, no links, no PAX or GNU extension
 * records, no name prefix. It never reads or allocates past {@link BundleLimits#maxTotalBytes()}:
 * the byte count is checked against the limit before each read, from the sizes the headers claim.
 * Public for the vault's backups ({@code store.VaultBackups}), which are the same kind of archive.
 */
public final class TarReader {
    private static final int BLOCK = TarWriter.BLOCK;

    /** A header's name (possibly unsafe: the caller checks it) and size. */
    public record Header(String name, long size) {
    }

    private final InputStream in;
    private final long maxTotal;
    private long consumed;
    private long lastContentOffset = -1;

    public TarReader(InputStream in, long maxTotal) {
        this.in = in;
        this.maxTotal = maxTotal;
    }

    /** The next header, or null at the end-of-archive marker (two zero blocks). */
    public Header next() throws IOException, BundleException {
        byte[] h = readExactly(BLOCK);
        if (isZero(h)) {
            if (!isZero(readExactly(BLOCK))) {
                throw malformed("single zero block");
            }
            return null;
        }
        if (TarWriter.checksum(h) != octal(h, TarWriter.CHECKSUM_OFFSET, 6)
                || h[TarWriter.CHECKSUM_OFFSET + 6] != 0 || h[TarWriter.CHECKSUM_OFFSET + 7] != ' ') {
            throw malformed("header checksum");
        }
        if (!ascii(h, 257, 8).equals("ustar\u000000")) {
            throw malformed("not ustar");
        }
        byte type = h[156];
        if (type == '1' || type == '2') {
            // Hard and symbolic links are how archives escape the extraction directory.
            throw new BundleException(Reason.UNSAFE_PATH, "link entry");
        }
        if (type != '0') {
            throw malformed("not a regular file");
        }
        octalField(h, 100, 8); // mode
        octalField(h, 108, 8); // uid
        octalField(h, 116, 8); // gid
        long size = octalField(h, 124, 12);
        octalField(h, 136, 12); // mtime
        octalField(h, 329, 8); // devmajor
        octalField(h, 337, 8); // devminor
        if (!isZero(h, 157, 100) || !isZero(h, 265, 64) || !isZero(h, 345, 167)) {
            throw malformed("link name, owner name or name prefix set");
        }
        return new Header(name(h), size);
    }

    /** An entry's content and its zero padding; the caller has checked {@code size} against its limits. */
    byte[] content(long size) throws IOException, BundleException {
        lastContentOffset = consumed;
        byte[] data = readExactly((int) size);
        if (!isZero(readExactly(TarWriter.padding(size)))) {
            throw malformed("non-zero padding");
        }
        return data;
    }

    /**
     * An entry's content fed through {@code digest} piece by piece, and its zero padding: for an
     * attachment, whose bytes need not be held in memory (an archive keeps them as sealed chunks).
     */
    void digestContent(long size, java.security.MessageDigest digest) throws IOException, BundleException {
        lastContentOffset = consumed;
        copyContent(size, new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), digest));
    }

    /** An entry's content copied to {@code out} piece by piece, and its zero padding. */
    public void copyContent(long size, java.io.OutputStream out) throws IOException, BundleException {
        if (consumed + size > maxTotal) {
            throw new BundleException(Reason.TOO_MUCH_DATA, "maxTotalBytes");
        }
        byte[] piece = new byte[(int) Math.min(size, 1 << 16)];
        long left = size;
        while (left > 0) {
            int n = in.readNBytes(piece, 0, (int) Math.min(left, piece.length));
            consumed += n;
            if (n == 0) {
                throw malformed("archive ends inside an entry");
            }
            out.write(piece, 0, n);
            left -= n;
        }
        if (!isZero(readExactly(TarWriter.padding(size)))) {
            throw malformed("non-zero padding");
        }
    }

    /** After the end marker the payload must end: a bundle has exactly one archive and nothing else. */
    public void expectEnd() throws IOException, BundleException {
        if (in.read() != -1) {
            throw new BundleException(Reason.TRAILING_DATA);
        }
    }

    long consumed() {
        return consumed;
    }

    /** Where the content last returned by {@link #content(long)} starts in the archive stream. */
    long lastContentOffset() {
        return lastContentOffset;
    }

    private byte[] readExactly(int n) throws IOException, BundleException {
        if (consumed + n > maxTotal) {
            throw new BundleException(Reason.TOO_MUCH_DATA, "maxTotalBytes");
        }
        // readNBytes grows its buffer as data arrives, so a size claimed but not delivered costs nothing.
        byte[] b = in.readNBytes(n);
        consumed += b.length;
        if (b.length != n) {
            throw malformed("archive ends inside an entry");
        }
        return b;
    }

    /**
     * The name field up to its last non-NUL byte. NULs and other bytes before that are kept so that
     * the caller's path check refuses a name such as "records/a\0/../x" rather than shortening it.
     */
    private static String name(byte[] h) {
        int end = 100;
        while (end > 0 && h[end - 1] == 0) {
            end--;
        }
        return new String(h, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** A field of {@code len - 1} octal digits followed by NUL, as TarWriter writes it. */
    private static long octalField(byte[] h, int off, int len) throws BundleException {
        if (h[off + len - 1] != 0) {
            throw malformed("octal field");
        }
        return octal(h, off, len - 1);
    }

    private static long octal(byte[] h, int off, int digits) throws BundleException {
        long v = 0;
        for (int i = off; i < off + digits; i++) {
            if (h[i] < '0' || h[i] > '7') {
                throw malformed("octal field");
            }
            v = (v << 3) | (h[i] - '0'); // at most 11 digits: no overflow
        }
        return v;
    }

    private static String ascii(byte[] h, int off, int len) {
        return new String(h, off, len, StandardCharsets.ISO_8859_1);
    }

    private static boolean isZero(byte[] b) {
        return isZero(b, 0, b.length);
    }

    private static boolean isZero(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static BundleException malformed(String detail) {
        return new BundleException(Reason.ARCHIVE_MALFORMED, detail);
    }
}
