package org.tanik.volunteer;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Hands filled buffers to a second thread that writes them to {@code sink} (which encrypts), so that
 * reading and hashing on the caller's thread overlap with encrypting and writing on another core.
 * Memory: a fixed pool of buffers, wiped when done.
 */
final class WriterThread implements AutoCloseable {

    private static final int BUFFERS = 4;
    private static final int BUFFER_BYTES = 1 << 20;
    private static final byte[] END = new byte[0];

    private record Piece(byte[] buffer, int length) {
    }

    private final OutputStream sink;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Piece> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final byte[][] pool = new byte[BUFFERS][];
    private final Thread thread;
    private volatile Throwable failure;

    WriterThread(OutputStream sink) {
        this.sink = sink;
        for (int i = 0; i < BUFFERS; i++) {
            pool[i] = new byte[BUFFER_BYTES];
            free.add(pool[i]);
        }
        this.thread = new Thread(this::run, "attachment-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** A free buffer to fill; waits while the writer is behind. */
    byte[] buffer() throws IOException {
        rethrow();
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    /** Queues the first {@code length} bytes of a buffer from {@link #buffer()} for writing. */
    void write(byte[] buffer, int length) throws IOException {
        put(new Piece(buffer, length));
    }

    /** Waits until everything queued is written; fails as the writer failed. */
    void finish() throws IOException {
        put(new Piece(END, 0));
        join();
        rethrow();
    }

    /** Stops the writer (whatever was not written is dropped) and wipes the buffers. */
    @Override
    public void close() {
        thread.interrupt();
        join();
        for (byte[] b : pool) {
            Arrays.fill(b, (byte) 0);
        }
    }

    private void run() {
        try {
            while (true) {
                Piece p = full.take();
                if (p.buffer == END) {
                    return;
                }
                sink.write(p.buffer, 0, p.length);
                free.put(p.buffer);
            }
        } catch (InterruptedException e) {
            // close(): stop where we are
        } catch (IOException | RuntimeException e) {
            failure = e;
            free.clear();
            free.addAll(Arrays.asList(pool)); // a caller waiting for a buffer wakes and sees the failure
        }
    }

    private void put(Piece p) throws IOException {
        rethrow();
        try {
            full.put(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private void join() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException io) {
            throw io;
        }
        if (f instanceof RuntimeException r) {
            throw r;
        }
    }
}
