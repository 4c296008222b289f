package org.tanik.audio;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/**
 * A source a test feeds block by block. {@link #awaitConsumed()} returns once the reader has taken
 * everything fed and come back for more, so the recorder has handled every byte before the test goes
 * on (pauses and markers then fall at exact audio times, without timing). One monitor guards the
 * state, so "taken" and "came back" are never seen half done.
 */
public final class ScriptedSource implements AudioSource {

    private static final byte[] END = new byte[0];
    private final Deque<byte[]> blocks = new ArrayDeque<>();
    private byte[] current = new byte[0];
    private int at;
    /** read() calls entered, and the last one that returned sound. */
    private long reads;
    private long handedOutAt;
    private boolean closed;

    public synchronized void feed(byte[] block) {
        blocks.add(block);
        notifyAll();
    }

    public synchronized void end() {
        blocks.add(END);
        notifyAll();
    }

    public synchronized void awaitConsumed() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(blocks.isEmpty() && at == current.length && reads > handedOutAt)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the recorder did not read what was fed");
            }
            try {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public synchronized int read(byte[] buffer) {
        reads++;
        notifyAll();
        try {
            while (at == current.length) {
                if (closed) {
                    return -1;
                }
                byte[] next = blocks.poll();
                if (next == END) {
                    return -1;
                }
                if (next == null) {
                    wait(50);
                    continue;
                }
                current = next;
                at = 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        int n = Math.min(buffer.length, current.length - at);
        System.arraycopy(current, at, buffer, 0, n);
        at += n;
        handedOutAt = reads;
        return n;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
