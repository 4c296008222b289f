package org.tanik.crypto.age;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared pool that seals and opens STREAM chunks. Daemon threads that time out when
 * idle, so the pool never keeps the JVM alive and needs no explicit shutdown. Per-stream
 * memory is bounded by each stream's in-flight limit, not by this pool's queue.
 */
final class ChunkExecutor {
    static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    static final ThreadPoolExecutor POOL;

    static {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "age-chunk-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        POOL = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), tf);
        POOL.allowCoreThreadTimeOut(true);
    }

    private ChunkExecutor() {
    }

    /** Chunks in flight per stream: enough to keep every core busy, a few MiB at most. */
    static int maxInFlight() {
        return Math.min(32, Math.max(4, THREADS * 3));
    }
}
