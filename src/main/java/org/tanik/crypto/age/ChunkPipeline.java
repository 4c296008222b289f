package org.tanik.crypto.age;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A bounded, ordered window of chunk jobs running on {@link ChunkExecutor}. Results are
 * taken strictly in submission order, so output order equals chunk order. Not thread-safe:
 * one stream owns it.
 */
final class ChunkPipeline<T> {
    private final ArrayDeque<FutureTask<T>> window = new ArrayDeque<>();
    private final int capacity;

    ChunkPipeline(int capacity) {
        this.capacity = capacity;
    }

    boolean isFull() {
        return window.size() >= capacity;
    }

    boolean isEmpty() {
        return window.isEmpty();
    }

    void submit(Callable<T> job) {
        FutureTask<T> task = new FutureTask<>(job);
        window.addLast(task);
        ChunkExecutor.POOL.execute(task);
    }

    /** Waits for the oldest job and returns its result; job failures become IOExceptions. */
    T takeHead() throws IOException {
        FutureTask<T> task = window.removeFirst();
        // The caller deliberately does not run jobs itself: it has the I/O and copying to
        // do, and on few cores stealing crypto work starves the read-ahead (measured slower).
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof Error err) {
                        throw err;
                    }
                    throw new AgeException(AgeException.Kind.PAYLOAD, "payload chunk processing failed", c);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Drops all pending jobs (used when a stream fails or is closed early). */
    void cancelAll() {
        for (FutureTask<T> t : window) {
            t.cancel(false);
        }
        window.clear();
    }
}
