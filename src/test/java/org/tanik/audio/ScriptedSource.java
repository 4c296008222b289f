package org.tanik.audio;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A source a test feeds block by block. {@link #awaitConsumed()} returns once the reader has taken
 * everything fed and asked for more, so the recorder has handled every byte before the test goes on
 * (pauses and markers then fall at exact audio times, without timing).
 */
public final class ScriptedSource implements AudioSource {

    private static final byte[] END = new byte[0];
    private final BlockingQueue<byte[]> blocks = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int at;
    private volatile boolean waiting;
    private volatile boolean closed;

    public void feed(byte[] block) {
        blocks.add(block);
    }

    public void end() {
        blocks.add(END);
    }

    public void awaitConsumed() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(waiting && blocks.isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the recorder did not read what was fed");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public int read(byte[] buffer) {
        try {
            while (at == current.length) {
                if (closed) {
                    return -1;
                }
                waiting = true;
                byte[] next = blocks.poll(50, TimeUnit.MILLISECONDS);
                waiting = false;
                if (next == END) {
                    return -1;
                }
                if (next != null) {
                    current = next;
                    at = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        int n = Math.min(buffer.length, current.length - at);
        System.arraycopy(current, at, buffer, 0, n);
        at += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
    }
}
