package org.tanik.store.coordinator;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;
import org.tanik.crypto.Secrets;
import org.tanik.crypto.Sha256;
import org.tanik.crypto.age.AgeException;
import org.tanik.crypto.age.PayloadReader;
import org.tanik.files.Content;

/**
 * An imported attachment read where it arrived: inside the sealed payload of the bundle that first
 * carried it, opening only the age chunks that hold the bytes asked for, one at a time. Each chunk is
 * authenticated with the payload key before its bytes are returned, so altered or moved chunks fail
 * the read; a read from the start to the end also checks the content's SHA-256, so a row that points
 * to other bytes of the payload fails too. Nothing is decrypted to disk.
 */
final class ArchivedAttachment implements Content {
    private final ArchiveVersions reader;
    private final ArchivePayloads payloads;
    private final String bundleId;
    private final long offset;
    private final long size;
    private final String sha256;

    ArchivedAttachment(ArchiveVersions reader, ArchivePayloads payloads, String bundleId, long offset, long size,
                       String sha256) {
        this.reader = reader;
        this.payloads = payloads;
        this.bundleId = bundleId;
        this.offset = offset;
        this.size = size;
        this.sha256 = sha256;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open(long from) throws IOException {
        if (from < 0 || from > size) {
            throw new IllegalArgumentException("offset outside the attachment");
        }
        byte[] key = reader.payloadKey(bundleId);
        try {
            SeekableByteChannel ch = payloads.open(bundleId);
            InputStream in = PayloadReader.open(ch, key, offset + from, size - from);
            return from == 0 ? new Checked(in) : in;
        } finally {
            Secrets.wipe(key);
        }
    }

    @Override
    public String toString() {
        return "ArchivedAttachment(" + sha256 + ", " + size + " bytes)";
    }

    /** Checks the SHA-256 once the whole content has been read. */
    private final class Checked extends FilterInputStream {
        private final MessageDigest digest = Sha256.digest();
        private long count;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                count += n;
            } else if (n < 0 && count == size && !Sha256.hex(digest).equals(sha256)) {
                throw new AgeException(AgeException.Kind.PAYLOAD, "archived attachment does not match its hash");
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipping would leave the hash unchecked: read through instead.
            byte[] buffer = new byte[8192];
            long done = 0;
            while (done < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }
    }
}
