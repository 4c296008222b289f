package org.tanik.crypto.age;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encrypts the STREAM payload, sealing 64 KiB chunks in parallel and writing them in order.
 * A full buffer is only sealed (as non-final) once more data arrives, so {@link #close()}
 * always seals a non-empty final chunk unless the whole payload is empty.
 * Closing finishes the payload and closes the underlying stream.
 */
final class PayloadOutputStream extends OutputStream {
    /** A sealed chunk; {@code plain} travels back so its buffer can be reused. */
    private record Sealed(byte[] data, int length, byte[] plain) {
    }

    private final OutputStream out;
    private final byte[] key;
    private final CipherBackend backend;
    private final ChunkPipeline<Sealed> pipeline = new ChunkPipeline<>(ChunkExecutor.maxInFlight());

    /** Recycled buffers (touched only by the writer thread) to spare the GC. */
    private final ArrayDeque<byte[]> freePlain = new ArrayDeque<>();
    private final ArrayDeque<byte[]> freeSealed = new ArrayDeque<>();
    private byte[] buf = new byte[StreamNonce.CHUNK_SIZE];
    private int bufLen;
    private long counter;
    private IOException failure;
    private boolean closed;

    PayloadOutputStream(OutputStream out, byte[] payloadKey, CipherBackend backend) {
        this.out = out;
        this.key = payloadKey;
        this.backend = backend;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        while (len > 0) {
            if (bufLen == buf.length) {
                submit(false);
            }
            int n = Math.min(len, buf.length - bufLen);
            System.arraycopy(b, off, buf, bufLen, n);
            bufLen += n;
            off += n;
            len -= n;
        }
    }

    private void ensureOpen() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IOException("stream closed");
        }
    }

    private void submit(boolean last) throws IOException {
        try {
            while (pipeline.isFull()) {
                writeHead();
            }
            final byte[] plain = buf;
            final int plainLen = bufLen;
            final long c = counter++;
            final byte[] sealed = freeSealed.isEmpty() ? new byte[StreamNonce.SEALED_CHUNK_SIZE] : freeSealed.pop();
            pipeline.submit(() -> seal(plain, plainLen, sealed, c, last));
            buf = freePlain.isEmpty() ? new byte[StreamNonce.CHUNK_SIZE] : freePlain.pop();
            bufLen = 0;
        } catch (IOException | RuntimeException e) {
            throw fail(e);
        }
    }

    private Sealed seal(byte[] plain, int len, byte[] sealed, long c, boolean last) {
        int n = backend.cipher().seal(key, StreamNonce.of(c, last), plain, 0, len, sealed, 0);
        Arrays.fill(plain, 0, len, (byte) 0);
        return new Sealed(sealed, n, plain);
    }

    private void writeHead() throws IOException {
        Sealed s = pipeline.takeHead();
        out.write(s.data(), 0, s.length());
        freeSealed.push(s.data());
        freePlain.push(s.plain());
    }

    private IOException fail(Exception e) {
        IOException io = e instanceof IOException i ? i
                : new AgeException(AgeException.Kind.PAYLOAD, "payload encryption failed", e);
        failure = io;
        pipeline.cancelAll();
        Arrays.fill(key, (byte) 0);
        return io;
    }

    /** Writes out every chunk sealed so far (the open, partial chunk stays buffered). */
    @Override
    public void flush() throws IOException {
        ensureOpen();
        try {
            while (!pipeline.isEmpty()) {
                writeHead();
            }
        } catch (IOException e) {
            throw fail(e);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            ensureOpen();
            submit(true);
            while (!pipeline.isEmpty()) {
                writeHead();
            }
            Arrays.fill(key, (byte) 0);
        } catch (IOException e) {
            throw failure != null ? failure : fail(e);
        } finally {
            closed = true;
            out.close();
        }
    }
}
