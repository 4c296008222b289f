package org.tanik.crypto.age;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Decrypts the STREAM payload with chunks opened in parallel. Ciphertext is read on the
 * caller's thread into a bounded window; plaintext is released strictly in order and only
 * after its chunk's tag verified. A failing chunk surfaces exactly when the reader reaches
 * it, after all earlier (authentic) plaintext, and nothing after it is ever released.
 *
 * <p>Framing follows the reference implementation: a short read marks the final chunk
 * (which may be empty only as the sole chunk); a full-size chunk is tried as non-final,
 * then as final; anything after an authentic final chunk is "trailing data".
 */
final class PayloadInputStream extends InputStream {
    /**
     * Result of opening one chunk; {@code length < 0} means authentication failed.
     * {@code sealed} travels back so its buffer can be reused.
     */
    private record Opened(byte[] plain, int length, boolean last, byte[] sealed) {
    }

    private final InputStream src;
    private final byte[] key;
    private final CipherBackend backend;
    private final ChunkPipeline<Opened> pipeline = new ChunkPipeline<>(ChunkExecutor.maxInFlight());
    /** Recycled buffers (touched only by the reader thread) to spare the GC 2 allocations per chunk. */
    private final ArrayDeque<byte[]> freeSealed = new ArrayDeque<>();
    private final ArrayDeque<byte[]> freePlain = new ArrayDeque<>();

    private long nextCounter;
    /** Set once the source is exhausted: null = still reading. */
    private boolean sourceDone;
    /** An error met while reading the source; reported after the chunks before it. */
    private IOException sourceError;

    private Opened current;
    private int pos;
    private boolean lastSeen;
    private boolean finished;
    private IOException failure;
    private boolean closed;

    PayloadInputStream(InputStream src, byte[] payloadKey, CipherBackend backend) {
        this.src = src;
        this.key = payloadKey;
        this.backend = backend;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        while (current == null || pos == current.length()) {
            if (failure != null) {
                throw failure;
            }
            if (finished) {
                return -1;
            }
            try {
                advance();
            } catch (IOException e) {
                fail(e);
                throw e;
            }
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.plain(), pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return current == null ? 0 : current.length() - pos;
    }

    private void fail(IOException e) {
        failure = e;
        current = null;
        pipeline.cancelAll();
        Arrays.fill(key, (byte) 0);
    }

    /** Moves to the next released chunk, or marks the end, or throws. */
    private void advance() throws IOException {
        if (current != null) {
            Arrays.fill(current.plain(), (byte) 0);
            freePlain.push(current.plain());
            current = null;
        }
        while (!sourceDone && !pipeline.isFull()) {
            readNextChunk();
        }
        if (!pipeline.isEmpty()) {
            Opened r = pipeline.takeHead();
            freeSealed.push(r.sealed());
            if (lastSeen) {
                throw AgeException.payload("trailing data after end of encrypted file");
            }
            if (r.length() < 0) {
                throw AgeException.payload("payload chunk failed to authenticate");
            }
            current = r;
            pos = 0;
            lastSeen = r.last();
            return;
        }
        if (sourceError != null) {
            throw sourceError;
        }
        if (!lastSeen) {
            throw new AgeException(AgeException.Kind.TRUNCATED, "payload truncated before final chunk");
        }
        finished = true;
        Arrays.fill(key, (byte) 0);
    }

    /** Reads one sealed chunk from the source and queues its decryption. */
    private void readNextChunk() {
        byte[] in = freeSealed.isEmpty() ? new byte[StreamNonce.SEALED_CHUNK_SIZE] : freeSealed.pop();
        byte[] out = freePlain.isEmpty() ? new byte[StreamNonce.CHUNK_SIZE] : freePlain.pop();
        int n;
        try {
            n = readFully(in);
        } catch (IOException e) {
            sourceError = e;
            sourceDone = true;
            return;
        }
        if (n == 0) {
            sourceDone = true;
            return;
        }
        long counter = nextCounter++;
        if (n < StreamNonce.SEALED_CHUNK_SIZE) {
            // A short read means end of input: this must be the final chunk.
            sourceDone = true;
            if (n < ChaChaPoly.TAG_LENGTH) {
                sourceError = new AgeException(AgeException.Kind.TRUNCATED, "payload chunk truncated");
                return;
            }
            if (n == ChaChaPoly.TAG_LENGTH && counter != 0) {
                sourceError = AgeException.payload("final payload chunk is empty");
                return;
            }
            final int len = n;
            pipeline.submit(() -> open(in, len, out, counter, true));
        } else {
            pipeline.submit(() -> open(in, StreamNonce.SEALED_CHUNK_SIZE, out, counter, false));
        }
    }

    private Opened open(byte[] in, int len, byte[] out, long counter, boolean knownLast) {
        ChaChaPoly c = backend.cipher();
        if (!knownLast) {
            int n = c.open(key, StreamNonce.of(counter, false), in, 0, len, out, 0);
            if (n >= 0) {
                return new Opened(out, n, false, in);
            }
        }
        // A full-size chunk may still be the final one.
        int n = c.open(key, StreamNonce.of(counter, true), in, 0, len, out, 0);
        return new Opened(out, n, true, in);
    }

    private int readFully(byte[] buf) throws IOException {
        int total = 0;
        while (total < buf.length) {
            int r = src.read(buf, total, buf.length - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            pipeline.cancelAll();
            if (current != null) {
                Arrays.fill(current.plain(), (byte) 0);
                current = null;
            }
            Arrays.fill(key, (byte) 0);
            src.close();
        }
    }
}
