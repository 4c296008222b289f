package org.tanik.store.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tanik.crypto.Secrets;
import org.tanik.files.Content;

/**
 * A blob's content, decrypted chunk by chunk as it is read, from any offset: a stream holds one
 * chunk of plaintext at a time and never writes it anywhere. For a finished blob the final chunk was
 * authenticated when this was opened, so {@link #size()} is the size the writer wrote; a prefix
 * (an unfinished blob) is its authenticated non-final chunks.
 */
final class BlobContent implements Content {

    private final BlobStore store;
    private final String id;
    private final Path file;
    private final long chunks;
    /** True for a finished blob: its last chunk is the final one. */
    private final boolean finished;
    private final long size;

    BlobContent(BlobStore store, String id, Path file, long chunks, boolean finished, long size) {
        this.store = store;
        this.id = id;
        this.file = file;
        this.chunks = chunks;
        this.finished = finished;
        this.size = size;
    }

    String id() {
        return id;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open(long offset) throws IOException {
        if (offset < 0 || offset > size) {
            throw new IOException("offset " + offset + " outside 0.." + size);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            byte[] header = BlobStore.readHeader(channel, id);
            byte[] key = store.fileKey(header, id);
            Stream s = new Stream(channel, header, key, offset / BlobCipher.CHUNK_BYTES);
            s.skipInChunk = (int) (offset % BlobCipher.CHUNK_BYTES);
            return s;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads and opens chunk {@code index} into {@code plain}; returns its length. */
    int readChunk(FileChannel channel, byte[] header, byte[] key, long index, byte[] sealed, byte[] plain)
            throws IOException {
        boolean last = finished && index == chunks - 1;
        long at = BlobCipher.chunkOffset(index);
        int len = last ? (int) Math.min(BlobCipher.SEALED_CHUNK_BYTES, channel.size() - at) : BlobCipher.SEALED_CHUNK_BYTES;
        ByteBuffer b = ByteBuffer.wrap(sealed, 0, len);
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) < 0) {
                throw new BlobDamagedException(id, "cut short in chunk " + index);
            }
        }
        int n = BlobCipher.open(key, header, index, last, sealed, len, plain);
        if (n < 0) {
            throw new BlobDamagedException(id, "chunk " + index + " does not authenticate "
                    + "(altered, reordered, cut short, or another blob's)");
        }
        return n;
    }

    private final class Stream extends InputStream {
        private final FileChannel channel;
        private final byte[] header;
        private final byte[] key;
        private final byte[] sealed = new byte[BlobCipher.SEALED_CHUNK_BYTES];
        private final byte[] plain = new byte[BlobCipher.SEALED_CHUNK_BYTES];
        private long next;
        private int pos;
        private int len;
        private int skipInChunk;
        private boolean closed;

        Stream(FileChannel channel, byte[] header, byte[] key, long first) {
            this.channel = channel;
            this.header = header;
            this.key = key;
            this.next = first;
        }

        private boolean fill() throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            while (pos == len) {
                if (next >= chunks) {
                    return false;
                }
                len = readChunk(channel, header, key, next++, sealed, plain);
                pos = Math.min(skipInChunk, len);
                skipInChunk = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? plain[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int n) throws IOException {
            if (n == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int k = Math.min(n, len - pos);
            System.arraycopy(plain, pos, b, off, k);
            pos += k;
            return k;
        }

        @Override
        public int available() {
            return len - pos;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                Secrets.wipe(key, plain);
                channel.close();
            }
        }
    }
}
