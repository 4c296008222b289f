package org.tanik.store.vault;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tanik.crypto.Random;
import org.tanik.crypto.Secrets;
import org.tanik.files.AtomicFiles;

/**
 * Encrypts content into a new blob as it is written (see {@link BlobCipher}): each chunk is sealed
 * and written as soon as it is full, so at most one chunk of plaintext is held, and an interrupted
 * write leaves an authenticated prefix under {@code <id>.blob.part}. {@link #finish()} seals the
 * final chunk, syncs, and renames the file to {@code <id>.blob}; closing an unfinished writer
 * deletes it.
 */
public final class BlobWriter extends OutputStream {

    private final String id;
    private final Path part;
    private final Path target;
    private final FileChannel channel;
    private final byte[] header;
    private final byte[] key;
    private final byte[] plain = new byte[BlobCipher.CHUNK_BYTES];
    /**
     * Sealed chunks waiting to be written: sixteen at a time (1 MiB) rather than a system call per
     * chunk. {@link #sync()} writes them out first, so a recording's chunks still reach the disk at once.
     */
    private final byte[] sealed = new byte[16 * BlobCipher.SEALED_CHUNK_BYTES];
    private int pending;
    private final javax.crypto.Cipher cipher = BlobCipher.newCipher();
    private int filled;
    private long index;
    private long size;
    private boolean done;
    private boolean keepOnFailure;

    BlobWriter(String id, Path part, Path target, byte[] blobKey) throws IOException {
        this.id = id;
        this.part = part;
        this.target = target;
        this.header = BlobCipher.header(Random.bytes(BlobCipher.SALT_BYTES));
        this.key = BlobCipher.fileKey(blobKey, header, id);
        this.channel = AtomicFiles.createOwnerOnly(part);
        try {
            writeFully(ByteBuffer.wrap(header));
        } catch (IOException e) {
            abort();
            throw e;
        }
    }

    public String id() {
        return id;
    }

    /** Plaintext bytes written so far. */
    public long size() {
        return size + filled;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        while (len > 0) {
            int n = Math.min(len, BlobCipher.CHUNK_BYTES - filled);
            System.arraycopy(b, off, plain, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == BlobCipher.CHUNK_BYTES) {
                sealChunk(false); // a full chunk is never the final one: it goes out at once
            }
        }
    }

    /**
     * Forces the chunks written so far to the disk: after a crash they are the authenticated prefix
     * {@link BlobStore#openPrefix} reads (a recording calls this every few seconds).
     */
    public void sync() throws IOException {
        ensureOpen();
        writePending();
        channel.force(false);
    }

    /**
     * From now on a {@link #finish()} that fails (a full disk, say) leaves the unfinished blob where
     * it is instead of deleting it, so that its authenticated chunks stay readable through
     * {@link BlobStore#openPrefix}: a recording is kept for its owner to save later, not lost.
     */
    public void keepUnfinishedOnFailure() {
        keepOnFailure = true;
    }

    /** Seals the final chunk, syncs and renames the blob into place; returns the content's size. */
    public long finish() throws IOException {
        ensureOpen();
        try {
            sealChunk(true);
            writePending();
            channel.force(true);
            channel.close();
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(target.getParent());
            done = true;
            return size;
        } finally {
            if (!done) {
                if (keepOnFailure) {
                    keepUnfinished();
                } else {
                    abort();
                }
            }
            wipe();
        }
    }

    private void keepUnfinished() {
        done = true;
        wipe();
        try {
            channel.close();
        } catch (IOException e) {
            // What reached the file stays; what did not was never authenticated anyway.
        }
    }

    /** Stops and deletes the unfinished blob. Closing a writer that was not finished does the same. */
    public void abort() throws IOException {
        if (done) {
            return;
        }
        done = true;
        wipe();
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(part);
        }
    }

    @Override
    public void close() throws IOException {
        abort();
    }

    private void sealChunk(boolean last) throws IOException {
        if (pending + BlobCipher.SEALED_CHUNK_BYTES > sealed.length) {
            writePending();
        }
        pending += BlobCipher.seal(cipher, key, header, index, last, plain, filled, sealed, pending);
        index++;
        size += filled;
        filled = 0;
    }

    private void writePending() throws IOException {
        writeFully(ByteBuffer.wrap(sealed, 0, pending));
        pending = 0;
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    private void ensureOpen() throws IOException {
        if (done) {
            throw new IOException("blob writer closed");
        }
    }

    private void wipe() {
        Secrets.wipe(key, plain);
    }
}
