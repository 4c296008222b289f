package org.tanik.crypto.age;

import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Child-JVM benchmark body, launched by {@link AgeBenchmark} with a small -Xmx so the
 * constant-memory claim is tested, not assumed. Prints one parseable line per direction:
 * {@code age-bench-child: <backend> <encrypt|decrypt> <bytes> <nanos> <peakHeapBytes>}.
 *
 * <p>Usage: AgeBenchRunner BACKEND SIZE_MIB CIPHERTEXT_FILE
 */
public final class AgeBenchRunner {
    private AgeBenchRunner() {
    }

    public static void main(String[] args) throws Exception {
        CipherBackend backend = CipherBackend.valueOf(args[0]);
        long size = Long.parseLong(args[1]) << 20;
        String file = args[2];
        PatternData data = new PatternData(42);
        X25519Identity id = X25519Identity.generate();

        // Warm-up on a small file so JIT compilation is not billed to the measured run.
        warmUp(data, id, backend, file + ".warm");

        resetPeaks();
        long t0 = System.nanoTime();
        try (InputStream src = data.stream(size);
                OutputStream out = AgeEncryptor.encrypt(List.of(id.recipient()),
                        new BufferedOutputStream(new FileOutputStream(file), 1 << 16), backend)) {
            src.transferTo(out);
        }
        long encNanos = System.nanoTime() - t0;
        System.out.printf("age-bench-child: %s encrypt %d %d %d%n", backend, size, encNanos, peakHeap());

        resetPeaks();
        t0 = System.nanoTime();
        long n;
        try (InputStream in = AgeDecryptor.decrypt(new FileInputStream(file), List.of(id), backend)) {
            n = data.verify(in);
        }
        long decNanos = System.nanoTime() - t0;
        if (n != size) {
            throw new IllegalStateException("decrypted " + n + " bytes, expected " + size);
        }
        System.out.printf("age-bench-child: %s decrypt %d %d %d%n", backend, size, decNanos, peakHeap());
    }

    private static void warmUp(PatternData data, X25519Identity id, CipherBackend backend, String file)
            throws Exception {
        for (int i = 0; i < 3; i++) {
            try (InputStream src = data.stream(64L << 20);
                    OutputStream out = AgeEncryptor.encrypt(List.of(id.recipient()),
                            new BufferedOutputStream(new FileOutputStream(file)), backend)) {
                src.transferTo(out);
            }
            try (InputStream in = AgeDecryptor.decrypt(new FileInputStream(file), List.of(id), backend)) {
                data.verify(in);
            }
        }
        new java.io.File(file).delete();
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** Sum of per-pool heap peaks: an upper bound on the heap in use at any instant. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
