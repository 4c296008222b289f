package org.tanik.crypto.age;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;

/**
 * Reads a retained STREAM payload (sealed chunks without header or nonce, see
 * {@link RetainedPayload}) with its payload key. Every chunk is authenticated before any of its
 * bytes are returned, and a chunk's position is part of its nonce, so chunks cannot be moved,
 * dropped at the end or swapped between payloads without failing.
 */
public final class PayloadReader {
    private PayloadReader() {
    }

    /** The whole plaintext, in order, with chunks opened in parallel. Closing it closes {@code chunks}. */
    public static InputStream stream(InputStream chunks, byte[] payloadKey) {
        return new PayloadInputStream(chunks, payloadKey.clone(), CipherBackend.JDK);
    }

    /**
     * {@code length} plaintext bytes from {@code offset}, opening only the chunks that hold them.
     * Throws {@link AgeException} (PAYLOAD or TRUNCATED) when the payload is damaged or too short.
     */
    public static byte[] read(SeekableByteChannel payload, byte[] payloadKey, long offset, int length)
            throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        long total = payload.size();
        long chunks = chunks(total, offset, length);
        byte[] out = new byte[length];
        if (length == 0) {
            return out;
        }
        ChaChaPoly cipher = CipherBackend.JDK.cipher();
        byte[] sealed = new byte[StreamNonce.SEALED_CHUNK_SIZE];
        byte[] plain = new byte[StreamNonce.CHUNK_SIZE];
        try {
            long first = offset / StreamNonce.CHUNK_SIZE;
            long last = (offset + length - 1) / StreamNonce.CHUNK_SIZE;
            int written = 0;
            for (long i = first; i <= last; i++) {
                long start = i * StreamNonce.SEALED_CHUNK_SIZE;
                int size = (int) Math.min(StreamNonce.SEALED_CHUNK_SIZE, total - start);
                readFully(payload, start, sealed, size);
                int n = cipher.open(payloadKey, StreamNonce.of(i, i == chunks - 1), sealed, 0, size, plain, 0);
                if (n < 0) {
                    throw AgeException.payload("payload chunk failed to authenticate");
                }
                int from = (int) Math.max(0, offset - i * StreamNonce.CHUNK_SIZE);
                int count = Math.min(n - from, length - written);
                System.arraycopy(plain, from, out, written, count);
                written += count;
            }
            return out;
        } catch (IOException | RuntimeException e) {
            Arrays.fill(out, (byte) 0);
            throw e;
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * A stream of {@code length} plaintext bytes from {@code offset}, opening one chunk at a time as
     * it is read, so that an entry of any size is read in constant memory. Every chunk is
     * authenticated before any of its bytes are returned; a damaged one fails the read with an
     * {@link AgeException}. Closing the stream closes {@code payload} and wipes the key's copy.
     */
    public static InputStream open(SeekableByteChannel payload, byte[] payloadKey, long offset, long length)
            throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        long total = payload.size();
        long chunks;
        try {
            chunks = chunks(total, offset, length);
        } catch (AgeException e) {
            payload.close();
            throw e;
        }
        return new RangeStream(payload, payloadKey.clone(), total, chunks, offset, length);
    }

    /**
     * How many chunks a payload of {@code total} sealed bytes holds; fails as TRUNCATED when it is
     * not a well-formed payload or ends before {@code offset + length}.
     */
    private static long chunks(long total, long offset, long length) throws AgeException {
        long chunks = (total + StreamNonce.SEALED_CHUNK_SIZE - 1) / StreamNonce.SEALED_CHUNK_SIZE;
        long plainSize = total - chunks * ChaChaPoly.TAG_LENGTH;
        if (chunks == 0 || total - (chunks - 1) * StreamNonce.SEALED_CHUNK_SIZE < ChaChaPoly.TAG_LENGTH
                || offset + length > plainSize) {
            throw new AgeException(AgeException.Kind.TRUNCATED, "payload shorter than the range asked for");
        }
        return chunks;
    }

    /** Plaintext of a range, one authenticated chunk at a time. */
    private static final class RangeStream extends InputStream {
        private final SeekableByteChannel payload;
        private final byte[] key;
        private final long total;
        private final long chunks;
        private final ChaChaPoly cipher = CipherBackend.JDK.cipher();
        private final byte[] sealed = new byte[StreamNonce.SEALED_CHUNK_SIZE];
        private final byte[] plain = new byte[StreamNonce.CHUNK_SIZE];
        private long position;
        private final long end;
        /** The chunk whose plaintext is in {@link #plain}, or -1. */
        private long loaded = -1;
        private int loadedSize;
        private boolean closed;

        RangeStream(SeekableByteChannel payload, byte[] key, long total, long chunks, long offset, long length) {
            this.payload = payload;
            this.key = key;
            this.total = total;
            this.chunks = chunks;
            this.position = offset;
            this.end = offset + length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (len == 0) {
                return 0;
            }
            if (position >= end) {
                return -1;
            }
            long chunk = position / StreamNonce.CHUNK_SIZE;
            if (chunk != loaded) {
                load(chunk);
            }
            int from = (int) (position - chunk * StreamNonce.CHUNK_SIZE);
            int n = (int) Math.min(Math.min(len, loadedSize - from), end - position);
            if (n <= 0) {
                throw new AgeException(AgeException.Kind.TRUNCATED, "payload chunk shorter than expected");
            }
            System.arraycopy(plain, from, b, off, n);
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, end - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            long chunk = position / StreamNonce.CHUNK_SIZE;
            return chunk == loaded ? (int) Math.max(0, Math.min(loadedSize - (position - chunk * StreamNonce.CHUNK_SIZE),
                    end - position)) : 0;
        }

        private void load(long i) throws IOException {
            loaded = -1;
            long start = i * StreamNonce.SEALED_CHUNK_SIZE;
            int size = (int) Math.min(StreamNonce.SEALED_CHUNK_SIZE, total - start);
            readFully(payload, start, sealed, size);
            int n = cipher.open(key, StreamNonce.of(i, i == chunks - 1), sealed, 0, size, plain, 0);
            if (n < 0) {
                throw AgeException.payload("payload chunk failed to authenticate");
            }
            loaded = i;
            loadedSize = n;
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                Arrays.fill(key, (byte) 0);
                Arrays.fill(plain, (byte) 0);
                payload.close();
            }
        }
    }

    private static void readFully(SeekableByteChannel ch, long position, byte[] into, int size) throws IOException {
        ch.position(position);
        ByteBuffer b = ByteBuffer.wrap(into, 0, size);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new AgeException(AgeException.Kind.TRUNCATED, "payload chunk truncated");
            }
        }
    }
}
