package org.tanik.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tanik.crypto.age.AgeBenchRunner;
import org.tanik.crypto.age.ExternalTools;
import org.tanik.crypto.age.PatternData;
import org.tanik.crypto.age.X25519Identity;

/**
 * Throughput benchmark, not a timed test (excluded from normal runs):
 * {@code mvn -B test -Dtest=AgeBenchmark [-Dage.bench.mib=1024] [-Dage.bench.bc=true] [-Dage.bench.dir=/dev/shm]
 * [-Dage.bench.rounds=3]}.
 *
 * <p>Tanik runs in a child JVM with -Xmx128m (proving constant memory) and reports its
 * peak heap; the age command runs on the same generated data in the same run. MB = 10^6 bytes.
 *
 * <p>Both tools write their ciphertext to a file and read it back. On a machine whose disk takes new
 * data more slowly than the cipher seals it, encryption measures the disk, for Tanik and for age
 * alike; {@code age.bench.dir} puts both files on another file system (a RAM disk) to compare the
 * ciphers themselves. Each tool runs once per round and its best round counts (every round is
 * printed): a 2-core machine's figures move with whatever else wakes up during a one-second run.
 */
class AgeBenchmark {
    private static final long MIB = 1 << 20;

    @Test
    void benchmark() throws Exception {
        long mib = Long.getLong("age.bench.mib", 1024);
        long size = mib * MIB;
        String where = System.getProperty("age.bench.dir");
        Path dir = where == null ? ExternalTools.scratchDir("bench")
                : Files.createTempDirectory(Paths.get(where), "tanik-age-bench");
        try {
            System.out.println("age-bench: ciphertext files in " + dir.toAbsolutePath() + " ("
                    + Files.getFileStore(dir).type() + ")");
            Map<String, Double> rates = new HashMap<>();
            List<String> backends = Boolean.getBoolean("age.bench.bc") ? List.of("JDK", "BC") : List.of("JDK");
            int rounds = Math.max(1, Integer.getInteger("age.bench.rounds", 3));
            boolean withAge = org.tanik.testing.RequiredTools.onPath("age");
            for (int round = 1; round <= rounds; round++) {
                System.out.println("age-bench: round " + round + " of " + rounds);
                for (String backend : backends) {
                    runTanik(backend, mib, dir.resolve("tanik-" + backend + ".age"), rates);
                }
                if (withAge) {
                    runAge(size, dir, rates);
                }
            }
            if (withAge) {
                System.out.println("age-bench: best of " + rounds + " rounds for each tool and direction:");
                for (String dirn : List.of("encrypt", "decrypt")) {
                    System.out.printf(Locale.ROOT, "age-bench: ratio tanik/age %s = %.2f%n", dirn,
                            rates.get("tanik-JDK " + dirn) / rates.get("age " + dirn));
                }
            } else {
                System.out.println("age-bench: age not on PATH, reference figures skipped");
            }
        } finally {
            ExternalTools.deleteTree(dir);
        }
    }

    private static void runTanik(String backend, long mib, Path file, Map<String, Double> rates) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        // UnlockDiagnosticVMOptions only lets the child read whether the cipher intrinsics are on (issue 19).
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-XX:+UnlockDiagnosticVMOptions",
                "-cp", System.getProperty("java.class.path"),
                AgeBenchRunner.class.getName(), backend, Long.toString(mib), file.toString())
                .redirectErrorStream(true);
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("age-bench-child: ")) {
                    System.out.println("age-bench: child: " + line);
                    continue;
                }
                String[] f = line.substring("age-bench-child: ".length()).split(" ");
                long bytes = Long.parseLong(f[2]);
                double secs = Long.parseLong(f[3]) / 1e9;
                double peakMiB = Long.parseLong(f[4]) / (double) MIB;
                double rate = bytes / secs / 1e6;
                rates.merge("tanik-" + f[0] + " " + f[1], rate, Math::max);
                System.out.printf(Locale.ROOT,
                        "age-bench: tanik(%s) %s %d MiB in %.2f s = %.0f MB/s, peak heap %.1f MiB (child JVM -Xmx128m)%n",
                        f[0], f[1], bytes / MIB, secs, rate, peakMiB);
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("benchmark child JVM failed");
        }
        Files.deleteIfExists(file);
    }

    private static void runAge(long size, Path dir, Map<String, Double> rates) throws Exception {
        X25519Identity id = X25519Identity.generate();
        Path key = dir.resolve("key.txt");
        Files.writeString(key, id.encode() + "\n", StandardCharsets.US_ASCII);
        Path enc = dir.resolve("age.age");
        PatternData data = new PatternData(42);

        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("age", "-r", id.recipient().encode(), "-o", enc.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream stdin = p.getOutputStream(); InputStream src = data.stream(size)) {
            src.transferTo(stdin);
        }
        check(p.waitFor(), "age encrypt");
        report("encrypt", size, System.nanoTime() - t0, rates);

        t0 = System.nanoTime();
        p = new ProcessBuilder("age", "-d", "-i", key.toString(), enc.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long n;
        try (InputStream out = p.getInputStream()) {
            n = data.verify(out); // checked like Tanik's run, so both pay for verification
        }
        check(p.waitFor(), "age decrypt");
        report("decrypt", size, System.nanoTime() - t0, rates);
        if (n != size) {
            throw new IllegalStateException("age decrypted " + n + " bytes");
        }
        Files.deleteIfExists(enc);
    }

    private static void report(String direction, long size, long nanos, Map<String, Double> rates) {
        double secs = nanos / 1e9;
        double rate = size / secs / 1e6;
        rates.merge("age " + direction, rate, Math::max);
        System.out.printf(Locale.ROOT, "age-bench: age %s %d MiB in %.2f s = %.0f MB/s%n",
                direction, size / MIB, secs, rate);
    }

    private static void check(int rc, String what) {
        if (rc != 0) {
            throw new IllegalStateException(what + " exited with " + rc);
        }
    }
}
