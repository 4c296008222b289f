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
        if (backend == CipherBackend.JDK) {
            printCipherFacts();
        }

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

    /**
     * What bounds the JDK backend on this machine: one thread sealing 64 KiB chunks (the cipher alone,
     * no I/O), and whether the JVM uses its hand-written CPU routines for ChaCha20 and Poly1305. JDK 25
     * has both for x86-64, Poly1305's only with AVX-512 (or AVX-IFMA): without them Poly1305 runs as
     * plain Java and the cipher stays far below the figures measured on CPUs that have them.
     */
    private static void printCipherFacts() throws Exception {
        byte[] key = new byte[32];
        byte[] chunk = new byte[64 * 1024];
        byte[] out = new byte[chunk.length + 16];
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("ChaCha20-Poly1305");
        int chunks = 4096; // 256 MiB
        long t0 = 0;
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            t0 = System.nanoTime();
            for (int i = 0; i < chunks; i++) {
                byte[] nonce = new byte[12];
                nonce[0] = (byte) i;
                nonce[1] = (byte) (i >> 8);
                nonce[2] = (byte) round;
                c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "ChaCha20"),
                        new javax.crypto.spec.IvParameterSpec(nonce));
                c.doFinal(chunk, 0, chunk.length, out, 0);
            }
        }
        double rate = (double) chunks * chunk.length / ((System.nanoTime() - t0) / 1e9) / 1e6;
        System.out.printf(java.util.Locale.ROOT,
                "JDK ChaCha20-Poly1305, one thread, 64 KiB chunks: %.0f MB/s (Java %s, %d cores; intrinsics: ChaCha20 %s, Poly1305 %s)%n",
                rate, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                vmOption("UseChaCha20Intrinsics"), vmOption("UsePoly1305Intrinsics"));
    }

    private static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption(name).getValue();
        } catch (IllegalArgumentException e) {
            return "absent";
        }
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
